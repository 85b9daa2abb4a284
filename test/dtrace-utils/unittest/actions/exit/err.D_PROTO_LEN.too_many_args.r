-- @@stderr --
dtrace: failed to compile script test/unittest/actions/exit/err.D_PROTO_LEN.too_many_args.d: [D_PROTO_LEN] line 18: exit( ) prototype mismatch: 2 args passed, 1 expected
