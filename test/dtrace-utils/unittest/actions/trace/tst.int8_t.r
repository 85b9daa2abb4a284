                   FUNCTION:NAME
                          :BEGIN   -1

-- @@stderr --
dtrace: script 'test/unittest/actions/trace/tst.int8_t.d' matched 1 probe
