-- @@stderr --
dtrace: failed to compile script test/unittest/funcs/strtok/err.D_PROTO_ARG.strtokbaddel.d: [D_PROTO_ARG] line 12: strtok( ) argument #2 is incompatible with prototype:
	prototype: char *
	 argument: int
