-- @@stderr --
dtrace: failed to compile script test/unittest/types/err.D_OP_SCALAR.badincop.d: [D_OP_SCALAR] line 21: operator ++ requires operand of scalar type
