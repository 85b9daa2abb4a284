-- @@stderr --
dtrace: failed to compile script test/unittest/pragma/err.D_PRAGMA_UNUSED.UnusedPragma.d: [D_PRAGMA_UNUSED] line 19: unused #pragma attributes
