                    FUNCTION:NAME
                          :BEGIN    87654321   87654322   87654323  123456789  123456789  123456789

-- @@stderr --
dtrace: script 'test/unittest/codegen/tst.reg_spilling.bug31187562-2.d' matched 1 probe
