                   FUNCTION:NAME
                          :BEGIN The pgid is 


-- @@stderr --
dtrace: script 'test/unittest/scripting/tst.pgid.d' matched  probe
