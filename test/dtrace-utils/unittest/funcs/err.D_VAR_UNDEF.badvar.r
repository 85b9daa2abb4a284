-- @@stderr --
dtrace: failed to compile script test/unittest/funcs/err.D_VAR_UNDEF.badvar.d: [D_VAR_UNDEF] line 20: p has not yet been declared or assigned
