-- @@stderr --
dtrace: failed to compile script test/unittest/lexer/err.D_SYNTAX.brace2.d: [D_SYNTAX] line 17: syntax error near end of input
