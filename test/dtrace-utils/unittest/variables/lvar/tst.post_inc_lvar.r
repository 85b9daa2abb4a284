                   FUNCTION:NAME
                          :BEGIN                    0

-- @@stderr --
dtrace: script 'test/unittest/variables/lvar/tst.post_inc_lvar.d' matched 1 probe
