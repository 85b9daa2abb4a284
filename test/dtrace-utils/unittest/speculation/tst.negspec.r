                   FUNCTION:NAME
                          :BEGIN 

-- @@stderr --
dtrace: script 'test/unittest/speculation/tst.negspec.d' matched 2 probes
