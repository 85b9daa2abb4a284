-- @@stderr --
dtrace: failed to compile script test/unittest/lexer/err.D_INT_OFLOW.BigInt.d: [D_INT_OFLOW] line 17: constant {ptr} results in integer overflow
