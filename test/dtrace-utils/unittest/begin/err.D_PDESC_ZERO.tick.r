-- @@stderr --
dtrace: failed to compile script test/unittest/begin/err.D_PDESC_ZERO.tick.d: [D_PDESC_ZERO] line 20: probe description ::BEGIN:tick-1 does not match any probes
