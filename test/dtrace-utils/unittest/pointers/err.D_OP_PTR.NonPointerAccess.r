-- @@stderr --
dtrace: failed to compile script test/unittest/pointers/err.D_OP_PTR.NonPointerAccess.d: [D_OP_PTR] line 31: operator -> must be applied to a pointer
