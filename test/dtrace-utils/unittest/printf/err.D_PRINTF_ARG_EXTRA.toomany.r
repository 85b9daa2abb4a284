-- @@stderr --
dtrace: failed to compile script test/unittest/printf/err.D_PRINTF_ARG_EXTRA.toomany.d: [D_PRINTF_ARG_EXTRA] line 18: printf( ) prototype mismatch: only 2 arguments required by this format string
