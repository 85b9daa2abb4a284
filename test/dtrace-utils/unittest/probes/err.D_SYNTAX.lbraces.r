-- @@stderr --
dtrace: failed to compile script test/unittest/probes/err.D_SYNTAX.lbraces.d: [D_SYNTAX] line 23: syntax error near end of input
