-- @@stderr --
dtrace: failed to compile script test/unittest/translators/err.D_DECL_TYPERED.BadTransDecl.d: [D_DECL_TYPERED] line 31: type redeclared: struct output_struct
