-- @@stderr --
dtrace: failed to compile script test/unittest/providers/err.D_PDESC_ZERO.wrongdec3.d: [D_PDESC_ZERO] line 25: probe description :::profiletick-1sec does not match any probes
