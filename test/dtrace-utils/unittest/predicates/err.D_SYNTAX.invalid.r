-- @@stderr --
dtrace: failed to compile script test/unittest/predicates/err.D_SYNTAX.invalid.d: [D_SYNTAX] line 25: syntax error near "!="
