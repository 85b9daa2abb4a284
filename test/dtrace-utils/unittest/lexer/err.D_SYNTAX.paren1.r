-- @@stderr --
dtrace: failed to compile script test/unittest/lexer/err.D_SYNTAX.paren1.d: [D_SYNTAX] line 16: extra ) in input stream
