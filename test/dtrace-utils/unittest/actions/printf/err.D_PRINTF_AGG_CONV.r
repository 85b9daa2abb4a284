-- @@stderr --
dtrace: failed to compile script test/unittest/actions/printf/err.D_PRINTF_AGG_CONV.d: [D_PRINTF_AGG_CONV] line 19: %@ conversion requires an aggregation and is not for use with printf( )
