                   FUNCTION:NAME
                          :BEGIN  4294967295

-- @@stderr --
dtrace: script 'test/unittest/actions/trace/tst.uint32_t.d' matched 1 probe
