                   FUNCTION:NAME
                          :BEGIN 

-- @@stderr --
dtrace: script 'test/unittest/options/tst.stdc-c.d' matched 1 probe
