-- @@stderr --
dtrace: failed to compile script test/unittest/arithmetic/err.D_SYNTAX.muladd.d: [D_SYNTAX] line 22: syntax error near "+="
