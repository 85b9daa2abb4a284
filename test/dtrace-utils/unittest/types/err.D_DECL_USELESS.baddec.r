-- @@stderr --
dtrace: failed to compile script test/unittest/types/err.D_DECL_USELESS.baddec.d: [D_DECL_USELESS] line 17: useless declaration
