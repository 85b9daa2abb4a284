                   FUNCTION:NAME
                          :BEGIN 
                          :BEGIN 
                         :tick-1 

-- @@stderr --
dtrace: script 'test/unittest/grammar/tst.clauses.d' matched 3 probes
