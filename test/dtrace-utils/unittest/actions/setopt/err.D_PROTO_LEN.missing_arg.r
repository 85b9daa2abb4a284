-- @@stderr --
dtrace: failed to compile script test/unittest/actions/setopt/err.D_PROTO_LEN.missing_arg.d: [D_PROTO_LEN] line 17: setopt( ) prototype mismatch: 0 args passed, at least 1 expected
