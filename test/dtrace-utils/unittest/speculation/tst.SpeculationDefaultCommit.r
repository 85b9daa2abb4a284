                   FUNCTION:NAME
                          :BEGIN 
                          :BEGIN 

-- @@stderr --
dtrace: script 'test/unittest/speculation/tst.SpeculationDefaultCommit.d' matched 4 probes
