                   FUNCTION:NAME
                          :BEGIN  18446744073709551615

-- @@stderr --
dtrace: script 'test/unittest/actions/trace/tst.uint64_t.d' matched 1 probe
