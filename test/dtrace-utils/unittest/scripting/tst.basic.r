                   FUNCTION:NAME
                          :BEGIN 

-- @@stderr --
dtrace: script 'test/unittest/scripting/tst.basic.d' matched 1 probe
