-- @@stderr --
dtrace: failed to compile script test/unittest/probes/err.D_PDESC_ZERO.probeqtn.d: [D_PDESC_ZERO] line 27: probe description syscall::?exit?:entry does not match any probes
