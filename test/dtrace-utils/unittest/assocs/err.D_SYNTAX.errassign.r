-- @@stderr --
dtrace: failed to compile script test/unittest/assocs/err.D_SYNTAX.errassign.d: [D_SYNTAX] line 19: syntax error near "["
