-- @@stderr --
dtrace: failed to compile script test/unittest/assocs/err.D_OP_INCOMPAT.this.d: [D_OP_INCOMPAT] line 24: operands have incompatible types: "int" = "string"
