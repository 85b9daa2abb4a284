-- @@stderr --
dtrace: failed to compile script test/unittest/probes/err.D_SYNTAX.declare.d: [D_SYNTAX] line 23: syntax error near "int"
