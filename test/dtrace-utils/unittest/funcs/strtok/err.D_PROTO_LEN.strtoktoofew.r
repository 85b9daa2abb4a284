-- @@stderr --
dtrace: failed to compile script test/unittest/funcs/strtok/err.D_PROTO_LEN.strtoktoofew.d: [D_PROTO_LEN] line 12: strtok( ) prototype mismatch: 1 arg passed, 2 expected
