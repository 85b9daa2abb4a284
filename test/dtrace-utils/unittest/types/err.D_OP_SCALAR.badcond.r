-- @@stderr --
dtrace: failed to compile script test/unittest/types/err.D_OP_SCALAR.badcond.d: [D_OP_SCALAR] line 21: operator ?: expression must be of scalar type
