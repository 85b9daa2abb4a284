-- @@stderr --
dtrace: failed to compile script test/unittest/types/err.D_OP_ACT.badcond.d: [D_OP_ACT] line 23: action cannot be used in a conditional context
