-- @@stderr --
dtrace: failed to compile script test/unittest/arithmetic/err.D_DIV_ZERO.modby0.d: [D_DIV_ZERO] line 20: expression contains division by zero
