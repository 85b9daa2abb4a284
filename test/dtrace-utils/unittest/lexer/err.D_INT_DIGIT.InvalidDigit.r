-- @@stderr --
dtrace: failed to compile script test/unittest/lexer/err.D_INT_DIGIT.InvalidDigit.d: [D_INT_DIGIT] line 17: constant 0128 contains invalid digit 8
