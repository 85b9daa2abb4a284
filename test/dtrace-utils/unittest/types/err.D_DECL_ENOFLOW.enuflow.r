-- @@stderr --
dtrace: failed to compile script test/unittest/types/err.D_DECL_ENOFLOW.enuflow.d: [D_DECL_ENOFLOW] line 18: enumerator 'toosmall' value overflows INT_MAX (2147483647)
