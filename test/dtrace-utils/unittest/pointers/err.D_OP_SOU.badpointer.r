-- @@stderr --
dtrace: failed to compile script test/unittest/pointers/err.D_OP_SOU.badpointer.d: [D_OP_SOU] line 21: operator -> cannot be applied to pointer to type "int"; must be applied to a struct or union pointer
