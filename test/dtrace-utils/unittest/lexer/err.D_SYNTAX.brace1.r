-- @@stderr --
dtrace: failed to compile script test/unittest/lexer/err.D_SYNTAX.brace1.d: [D_SYNTAX] line 18: syntax error near "}"
