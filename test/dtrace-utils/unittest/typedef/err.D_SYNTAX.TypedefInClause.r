-- @@stderr --
dtrace: failed to compile script test/unittest/typedef/err.D_SYNTAX.TypedefInClause.d: [D_SYNTAX] line 20: syntax error near "typedef"
