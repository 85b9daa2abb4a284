-- @@stderr --
dtrace: failed to compile script test/unittest/actions/trace/err.D_TRACE_DYN.d: [D_TRACE_DYN] line 19: trace( ) may not be applied to a dynamic expression
