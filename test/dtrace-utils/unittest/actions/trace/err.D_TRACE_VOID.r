-- @@stderr --
dtrace: failed to compile script test/unittest/actions/trace/err.D_TRACE_VOID.d: [D_TRACE_VOID] line 18: trace( ) may not be applied to a void expression
