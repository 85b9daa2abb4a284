-- @@stderr --
dtrace: failed to compile script test/unittest/probes/err.D_SYNTAX.assign.d: [D_SYNTAX] line 21: syntax error near "="
