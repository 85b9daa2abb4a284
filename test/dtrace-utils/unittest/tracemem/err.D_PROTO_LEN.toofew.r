-- @@stderr --
dtrace: failed to compile script test/unittest/tracemem/err.D_PROTO_LEN.toofew.d: [D_PROTO_LEN] line 18: tracemem( ) prototype mismatch: 1 arg passed, at least 2 expected
