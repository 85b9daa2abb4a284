-- @@stderr --
dtrace: failed to compile script test/unittest/decls/err.D_DECL_SIGNINT.UnsignedStruct.d: [D_DECL_SIGNINT] line 19: invalid type declaration: signed and unsigned may only be used with integer type
