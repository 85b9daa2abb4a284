-- @@stderr --
dtrace: failed to compile script test/unittest/actions/exit/err.D_PROTO_ARG.str.d: [D_PROTO_ARG] line 18: exit( ) argument #1 is incompatible with prototype:
	prototype: int
	 argument: string
