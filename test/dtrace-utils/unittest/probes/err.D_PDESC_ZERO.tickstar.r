-- @@stderr --
dtrace: failed to compile script test/unittest/probes/err.D_PDESC_ZERO.tickstar.d: [D_PDESC_ZERO] line 27: probe description syscall::*tick*:entry does not match any probes
