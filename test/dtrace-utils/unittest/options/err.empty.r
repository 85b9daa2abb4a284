-- @@stderr --
dtrace: script 'test/unittest/options/err.empty.d' matched 0 probes
dtrace: no probes matched
