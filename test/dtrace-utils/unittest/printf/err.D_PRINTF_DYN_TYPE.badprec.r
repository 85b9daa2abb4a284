-- @@stderr --
dtrace: failed to compile script test/unittest/printf/err.D_PRINTF_DYN_TYPE.badprec.d: [D_PRINTF_DYN_TYPE] line 18: printf( ) argument #2 is incompatible with conversion #1 prototype:
	conversion: % .* d
	 prototype: int
	  argument: string
