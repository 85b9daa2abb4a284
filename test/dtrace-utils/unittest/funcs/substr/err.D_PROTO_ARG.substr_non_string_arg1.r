-- @@stderr --
dtrace: failed to compile script test/unittest/funcs/substr/err.D_PROTO_ARG.substr_non_string_arg1.d: [D_PROTO_ARG] line 16: substr( ) argument #1 is incompatible with prototype:
	prototype: char *
	 argument: int
