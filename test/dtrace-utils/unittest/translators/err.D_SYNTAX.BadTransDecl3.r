-- @@stderr --
dtrace: failed to compile script test/unittest/translators/err.D_SYNTAX.BadTransDecl3.d: [D_SYNTAX] line 30: syntax error near "myi"
