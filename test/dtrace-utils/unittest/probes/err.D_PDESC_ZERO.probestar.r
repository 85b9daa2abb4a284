-- @@stderr --
dtrace: failed to compile script test/unittest/probes/err.D_PDESC_ZERO.probestar.d: [D_PDESC_ZERO] line 21: probe description :::no_such_dtrace_probe* does not match any probes
