-- @@stderr --
dtrace: failed to compile script test/unittest/pragma/err.D_PRAGMA_MALFORM.d: [D_PRAGMA_MALFORM] line 16: malformed #pragma attributes <attributes> <ident>
