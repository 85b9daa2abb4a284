                   FUNCTION:NAME
                          :BEGIN 
                            :END 

-- @@stderr --
dtrace: script 'test/unittest/actions/exit/tst.end-exit.d' matched 2 probes
