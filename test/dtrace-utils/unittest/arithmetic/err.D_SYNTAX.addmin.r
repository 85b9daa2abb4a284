-- @@stderr --
dtrace: failed to compile script test/unittest/arithmetic/err.D_SYNTAX.addmin.d: [D_SYNTAX] line 23: syntax error near ";"
