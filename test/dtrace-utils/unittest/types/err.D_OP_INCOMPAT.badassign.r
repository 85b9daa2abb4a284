-- @@stderr --
dtrace: failed to compile script test/unittest/types/err.D_OP_INCOMPAT.badassign.d: [D_OP_INCOMPAT] line 21: operands have incompatible types: "int" += "string"
