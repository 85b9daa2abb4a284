                   FUNCTION:NAME
                          :BEGIN 

-- @@stderr --
dtrace: script 'test/unittest/clauses/tst.nopred.d' matched 1 probe
