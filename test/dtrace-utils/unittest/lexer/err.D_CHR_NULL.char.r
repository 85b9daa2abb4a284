-- @@stderr --
dtrace: failed to compile script test/unittest/lexer/err.D_CHR_NULL.char.d: [D_CHR_NULL] line 19: empty character constant
