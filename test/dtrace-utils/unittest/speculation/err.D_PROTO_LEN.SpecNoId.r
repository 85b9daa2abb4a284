-- @@stderr --
dtrace: failed to compile script test/unittest/speculation/err.D_PROTO_LEN.SpecNoId.d: [D_PROTO_LEN] line 27: speculate( ) prototype mismatch: 0 args passed, 1 expected
