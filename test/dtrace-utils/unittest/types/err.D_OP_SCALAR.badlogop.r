-- @@stderr --
dtrace: failed to compile script test/unittest/types/err.D_OP_SCALAR.badlogop.d: [D_OP_SCALAR] line 20: operator && requires operands of scalar type
