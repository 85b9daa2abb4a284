-- @@stderr --
dtrace: failed to compile script test/unittest/types/err.D_SYNTAX.badid.d: [D_SYNTAX] line 18: syntax error near "0"
