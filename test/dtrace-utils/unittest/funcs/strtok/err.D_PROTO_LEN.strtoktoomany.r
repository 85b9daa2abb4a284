-- @@stderr --
dtrace: failed to compile script test/unittest/funcs/strtok/err.D_PROTO_LEN.strtoktoomany.d: [D_PROTO_LEN] line 12: strtok( ) prototype mismatch: 3 args passed, 2 expected
