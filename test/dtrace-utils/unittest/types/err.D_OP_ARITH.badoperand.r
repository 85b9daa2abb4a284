-- @@stderr --
dtrace: failed to compile script test/unittest/types/err.D_OP_ARITH.badoperand.d: [D_OP_ARITH] line 21: operator - requires an operand of arithmetic type
