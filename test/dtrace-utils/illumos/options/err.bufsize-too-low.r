                   FUNCTION:NAME
                          :BEGIN 

-- @@stderr --
dtrace: script 'test/unittest/options/err.bufsize-too-low.d' matched 2 probes
