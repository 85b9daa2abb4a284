-- @@stderr --
dtrace: failed to compile script test/unittest/translators/err.D_XLATE_NONE.BadTransDecl6.d: [D_XLATE_NONE] line 43: cannot translate from "struct myinput_struct" to "struct myoutput_struct"
