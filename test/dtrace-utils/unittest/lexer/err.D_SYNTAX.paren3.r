-- @@stderr --
dtrace: failed to compile script test/unittest/lexer/err.D_SYNTAX.paren3.d: [D_SYNTAX] line 16: closing ) expected in predicate before /
