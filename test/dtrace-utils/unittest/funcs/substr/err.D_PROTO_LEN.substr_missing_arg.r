-- @@stderr --
dtrace: failed to compile script test/unittest/funcs/substr/err.D_PROTO_LEN.substr_missing_arg.d: [D_PROTO_LEN] line 16: substr( ) prototype mismatch: 0 args passed, at least 2 expected
