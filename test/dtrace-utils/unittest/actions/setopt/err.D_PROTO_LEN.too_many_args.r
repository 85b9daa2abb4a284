-- @@stderr --
dtrace: failed to compile script test/unittest/actions/setopt/err.D_PROTO_LEN.too_many_args.d: [D_PROTO_LEN] line 17: setopt( ) prototype mismatch: 3 args passed, at most 2 expected
