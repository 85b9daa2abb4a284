-- @@stderr --
dtrace: failed to compile script test/unittest/decls/err.D_DECL_PROTO_VOID.NonSoleVoid.d: [D_DECL_PROTO_VOID] line 18: void must be sole parameter
