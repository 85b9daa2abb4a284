-- @@stderr --
dtrace: failed to compile script test/unittest/begin/err.D_PDESC_ZERO.begin.d: [D_PDESC_ZERO] line 19: probe description BEGIN::read:entry does not match any probes
