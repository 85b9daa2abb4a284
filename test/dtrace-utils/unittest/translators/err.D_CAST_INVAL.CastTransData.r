-- @@stderr --
dtrace: failed to compile script test/unittest/translators/err.D_CAST_INVAL.CastTransData.d: [D_CAST_INVAL] line 37: invalid cast expression: "pointer to translated data" to "uintptr_t"
