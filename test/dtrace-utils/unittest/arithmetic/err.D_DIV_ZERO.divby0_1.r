-- @@stderr --
dtrace: failed to compile script test/unittest/arithmetic/err.D_DIV_ZERO.divby0_1.d: [D_DIV_ZERO] line 21: expression contains division by zero
