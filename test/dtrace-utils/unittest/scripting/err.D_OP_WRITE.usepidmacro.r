-- @@stderr --
dtrace: failed to compile script test/unittest/scripting/err.D_OP_WRITE.usepidmacro.d: [D_OP_WRITE] line 20: operator = can only be applied to a writable variable
