-- @@stderr --
dtrace: failed to compile script test/unittest/translators/err.D_XLATE_REDECL.RepeatTransDecl.d: [D_XLATE_REDECL] line 39: translator from struct input_struct * to struct output_struct has already been declared
