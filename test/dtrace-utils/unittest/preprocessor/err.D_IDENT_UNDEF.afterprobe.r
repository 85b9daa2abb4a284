-- @@stderr --
dtrace: failed to compile script test/unittest/preprocessor/err.D_IDENT_UNDEF.afterprobe.d: [D_IDENT_UNDEF] line 24: failed to resolve VALUE: Unknown variable name
