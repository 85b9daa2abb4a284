-- @@stderr --
dtrace: failed to compile script test/unittest/funcs/substr/err.D_PROTO_LEN.substr_too_few_args.d: [D_PROTO_LEN] line 16: substr( ) prototype mismatch: 1 arg passed, at least 2 expected
