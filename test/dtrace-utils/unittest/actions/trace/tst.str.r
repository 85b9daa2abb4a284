                   FUNCTION:NAME
                          :BEGIN   a                                

-- @@stderr --
dtrace: script 'test/unittest/actions/trace/tst.str.d' matched 1 probe
