-- @@stderr --
dtrace: failed to compile script test/unittest/pointers/err.D_OP_SOU.BadPointerAccess.d: [D_OP_SOU] line 26: operator . cannot be applied to type "struct myinput_struct *"; must be applied to a struct or union
