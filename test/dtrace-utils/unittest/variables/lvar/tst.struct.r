                   FUNCTION:NAME
                          :BEGIN           1          5

-- @@stderr --
dtrace: script 'test/unittest/variables/lvar/tst.struct.d' matched 1 probe
