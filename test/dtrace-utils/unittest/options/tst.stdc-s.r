                   FUNCTION:NAME
                          :BEGIN 

-- @@stderr --
dtrace: script 'test/unittest/options/tst.stdc-s.d' matched 1 probe
