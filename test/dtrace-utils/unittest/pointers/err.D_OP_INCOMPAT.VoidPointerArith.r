-- @@stderr --
dtrace: failed to compile script test/unittest/pointers/err.D_OP_INCOMPAT.VoidPointerArith.d: [D_OP_INCOMPAT] line 22: operands have incompatible types: "void *" + "int"
