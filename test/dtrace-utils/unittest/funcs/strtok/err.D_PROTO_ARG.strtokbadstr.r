-- @@stderr --
dtrace: failed to compile script test/unittest/funcs/strtok/err.D_PROTO_ARG.strtokbadstr.d: [D_PROTO_ARG] line 12: strtok( ) argument #1 is incompatible with prototype:
	prototype: char *
	 argument: int
