-- @@stderr --
dtrace: failed to compile script test/unittest/arithmetic/err.D_DIV_ZERO.divby0_2.d: [D_DIV_ZERO] line 22: expression contains division by zero
