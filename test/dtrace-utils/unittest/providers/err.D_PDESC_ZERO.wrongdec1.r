-- @@stderr --
dtrace: failed to compile script test/unittest/providers/err.D_PDESC_ZERO.wrongdec1.d: [D_PDESC_ZERO] line 25: probe description :profile::tick-1sec does not match any probes
