                   FUNCTION:NAME
                          :BEGIN 

-- @@stderr --
dtrace: script 'test/unittest/clauses/tst.predlast.d' matched 1 probe
