-- @@stderr --
dtrace: failed to compile script test/unittest/printa/err.D_PRINTA_AGGARG.badval.d: [D_PRINTA_AGGARG] line 19: printa( ) argument #2 is incompatible with prototype:
	prototype: aggregation
	 argument: int
