                   FUNCTION:NAME
                          :BEGIN The arg0 is test/unittest/scripting/tst.arg0.d


-- @@stderr --
dtrace: script 'test/unittest/scripting/tst.arg0.d' matched 1 probe
