-- @@stderr --
dtrace: failed to compile script test/unittest/typedef/err.D_DECL_IDRED.DupTypeDef.d: [D_DECL_IDRED] line 25: typedef redeclared: new_int
