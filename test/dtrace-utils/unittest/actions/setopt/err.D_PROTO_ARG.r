-- @@stderr --
dtrace: failed to compile script test/unittest/actions/setopt/err.D_PROTO_ARG.d: [D_PROTO_ARG] line 17: setopt( ) argument #1 is incompatible with prototype:
	prototype: char *
	 argument: int
