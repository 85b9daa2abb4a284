-- @@stderr --
dtrace: failed to compile script test/unittest/types/err.D_DECL_COMBO.badtype5.d: [D_DECL_COMBO] line 21: invalid type combination
