-- @@stderr --
dtrace: failed to compile script test/unittest/actions/printf/err.D_PRINTF_ARG_EXTRA.too_many_vals.d: [D_PRINTF_ARG_EXTRA] line 18: printf( ) prototype mismatch: only 1 arguments required by this format string
