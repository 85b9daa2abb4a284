-- @@stderr --
dtrace: failed to compile script test/unittest/funcs/substr/err.D_PROTO_ARG.substr_non_scalar_arg3.d: [D_PROTO_ARG] line 16: substr( ) argument #3 is incompatible with prototype:
	prototype: int
	 argument: string
