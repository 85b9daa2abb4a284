-- @@stderr --
dtrace: failed to compile script test/unittest/assocs/err.D_PROTO_ARG.badsig.d: [D_PROTO_ARG] line 24: x[ ] key #2 is incompatible with prototype:
	prototype: string
	      key: int
