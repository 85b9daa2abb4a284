-- @@stderr --
dtrace: failed to compile script test/unittest/assocs/err.D_PROTO_LEN.toofew.d: [D_PROTO_LEN] line 24: x[ ] prototype mismatch: 1 key passed, 2 expected
