-- @@stderr --
dtrace: failed to compile script test/unittest/decls/err.D_DECL_PROTO_NAME.VoidName.d: [D_DECL_PROTO_NAME] line 13: void parameter may not have a name: v
