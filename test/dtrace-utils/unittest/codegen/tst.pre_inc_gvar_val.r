                   FUNCTION:NAME
                          :BEGIN                    1

-- @@stderr --
dtrace: script 'test/unittest/codegen/tst.pre_inc_gvar_val.d' matched 1 probe
