-- @@stderr --
dtrace: failed to compile script test/unittest/funcs/err.D_PROTO_LEN.chilltoofew.d: [D_PROTO_LEN] line 19: chill( ) prototype mismatch: 0 args passed, 1 expected
