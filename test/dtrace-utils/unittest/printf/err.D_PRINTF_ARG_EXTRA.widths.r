-- @@stderr --
dtrace: failed to compile script test/unittest/printf/err.D_PRINTF_ARG_EXTRA.widths.d: [D_PRINTF_ARG_EXTRA] line 23: printf( ) prototype mismatch: only 1 arguments required by this format string
