-- @@stderr --
dtrace: failed to compile script test/unittest/lexer/err.D_CHR_NL.char.d: [D_CHR_NL] line 20: newline encountered in character constant
