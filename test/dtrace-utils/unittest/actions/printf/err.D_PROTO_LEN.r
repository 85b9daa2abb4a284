-- @@stderr --
dtrace: failed to compile script test/unittest/actions/printf/err.D_PROTO_LEN.d: [D_PROTO_LEN] line 18: printf( ) prototype mismatch: 0 args passed, at least 1 expected
