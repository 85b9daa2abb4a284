-- @@stderr --
dtrace: failed to compile script test/unittest/lexer/err.D_STR_NL.string.d: [D_STR_NL] line 20: newline encountered in string literal
