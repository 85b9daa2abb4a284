-- @@stderr --
dtrace: failed to compile script test/unittest/funcs/err.D_PROTO_ARG.chillbadarg.d: [D_PROTO_ARG] line 19: chill( ) argument #1 is incompatible with prototype:
	prototype: int
	 argument: string
