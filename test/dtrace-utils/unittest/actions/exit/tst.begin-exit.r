                   FUNCTION:NAME
                          :BEGIN 
                            :END 

-- @@stderr --
dtrace: script 'test/unittest/actions/exit/tst.begin-exit.d' matched 3 probes
