-- @@stderr --
dtrace: failed to compile script test/unittest/union/err.D_DECL_COMBO.UnionWithoutColon1.d: [D_DECL_COMBO] line 30: invalid type combination
