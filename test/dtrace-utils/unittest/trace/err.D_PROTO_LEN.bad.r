-- @@stderr --
dtrace: failed to compile script test/unittest/trace/err.D_PROTO_LEN.bad.d: [D_PROTO_LEN] line 18: trace( ) prototype mismatch: 0 args passed, 1 expected
