-- @@stderr --
dtrace: failed to compile script test/unittest/lexer/err.D_SYNTAX.brack2.d: [D_SYNTAX] line 17: syntax error near "}"
