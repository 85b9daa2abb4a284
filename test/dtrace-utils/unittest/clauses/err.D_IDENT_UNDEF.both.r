-- @@stderr --
dtrace: failed to compile script test/unittest/clauses/err.D_IDENT_UNDEF.both.d: [D_IDENT_UNDEF] line 17: failed to resolve x: Unknown variable name
