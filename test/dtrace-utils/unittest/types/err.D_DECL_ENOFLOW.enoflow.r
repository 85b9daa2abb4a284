-- @@stderr --
dtrace: failed to compile script test/unittest/types/err.D_DECL_ENOFLOW.enoflow.d: [D_DECL_ENOFLOW] line 17: enumerator 'toobig' value overflows INT_MAX (2147483647)
