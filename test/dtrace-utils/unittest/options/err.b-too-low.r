-- @@stderr --
dtrace: script 'test/unittest/options/err.b-too-low.d' matched 2 probes
dtrace: could not enable tracing: Enabling exceeds size of buffer
