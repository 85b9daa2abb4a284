-- @@stderr --
dtrace: failed to compile script test/unittest/funcs/err.D_OP_VFPTR.badop.d: [D_OP_VFPTR] line 23: operator -= requires left-hand scalar operand of known size
