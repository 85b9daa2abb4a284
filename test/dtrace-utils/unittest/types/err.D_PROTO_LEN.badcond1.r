-- @@stderr --
dtrace: failed to compile script test/unittest/types/err.D_PROTO_LEN.badcond1.d: [D_PROTO_LEN] line 22: trace( ) prototype mismatch: 0 args passed, 1 expected
