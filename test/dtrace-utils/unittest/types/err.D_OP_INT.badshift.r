-- @@stderr --
dtrace: failed to compile script test/unittest/types/err.D_OP_INT.badshift.d: [D_OP_INT] line 20: operator << requires operands of integral type
