-- @@stderr --
dtrace: failed to compile script test/unittest/lexer/err.D_SYNTAX.brack1.d: [D_SYNTAX] line 16: extra ] in input stream
