                   FUNCTION:NAME
                          :BEGIN                    0

-- @@stderr --
dtrace: script 'test/unittest/codegen/tst.post_inc_tvar_val.d' matched 1 probe
