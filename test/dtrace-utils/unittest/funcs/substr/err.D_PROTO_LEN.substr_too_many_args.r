-- @@stderr --
dtrace: failed to compile script test/unittest/funcs/substr/err.D_PROTO_LEN.substr_too_many_args.d: [D_PROTO_LEN] line 16: substr( ) prototype mismatch: 4 args passed, at most 3 expected
