-- @@stderr --
dtrace: failed to compile script test/unittest/decls/err.D_DECL_PROTO_TYPE.Dyn.d: [D_DECL_PROTO_TYPE] line 13: function prototype may not use parameter of type dynamic variable: a, parameter #1
