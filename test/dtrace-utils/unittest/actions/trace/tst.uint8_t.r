                   FUNCTION:NAME
                          :BEGIN  255

-- @@stderr --
dtrace: script 'test/unittest/actions/trace/tst.uint8_t.d' matched 1 probe
