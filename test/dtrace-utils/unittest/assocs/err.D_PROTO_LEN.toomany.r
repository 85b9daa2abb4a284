-- @@stderr --
dtrace: failed to compile script test/unittest/assocs/err.D_PROTO_LEN.toomany.d: [D_PROTO_LEN] line 24: x[ ] prototype mismatch: 3 keys passed, 2 expected
