-- @@stderr --
dtrace: failed to compile script test/unittest/union/err.D_DECL_COMBO.UnionWithoutColon.d: [D_DECL_COMBO] line 25: invalid type combination
