-- @@stderr --
dtrace: failed to compile script test/unittest/typedef/err.D_SYNTAX.BadExistingTypedef.d: [D_SYNTAX] line 19: syntax error near "new_int;"
