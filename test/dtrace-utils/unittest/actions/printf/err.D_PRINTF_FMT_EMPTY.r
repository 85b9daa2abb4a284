-- @@stderr --
dtrace: failed to compile script test/unittest/actions/printf/err.D_PRINTF_FMT_EMPTY.d: [D_PRINTF_FMT_EMPTY] line 18: printf( ) format string is empty
