-- @@stderr --
dtrace: failed to compile script test/unittest/actions/exit/err.D_PROTO_LEN.missing_arg.d: [D_PROTO_LEN] line 18: exit( ) prototype mismatch: 0 args passed, 1 expected
