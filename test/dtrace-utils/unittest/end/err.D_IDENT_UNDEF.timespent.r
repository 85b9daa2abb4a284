-- @@stderr --
dtrace: failed to compile script test/unittest/end/err.D_IDENT_UNDEF.timespent.d: [D_IDENT_UNDEF] line 21: failed to resolve start: Unknown variable name
