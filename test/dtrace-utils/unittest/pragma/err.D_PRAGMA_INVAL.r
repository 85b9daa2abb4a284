-- @@stderr --
dtrace: failed to compile script test/unittest/pragma/err.D_PRAGMA_INVAL.d: [D_PRAGMA_INVAL] line 19: invalid attributes specified by #pragma attributes
