-- @@stderr --
dtrace: failed to compile script test/unittest/printa/err.D_PRINTA_AGGARG.badagg.d: [D_PRINTA_AGGARG] line 18: printa( ) argument #2 is incompatible with prototype:
	prototype: aggregation
	 argument: int
