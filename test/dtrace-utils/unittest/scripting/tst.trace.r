                   FUNCTION:NAME
                          :BEGIN   hello                            

-- @@stderr --
dtrace: script 'test/unittest/scripting/tst.trace.d' matched 1 probe
