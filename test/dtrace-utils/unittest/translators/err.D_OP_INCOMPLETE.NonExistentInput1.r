-- @@stderr --
dtrace: failed to compile script test/unittest/translators/err.D_OP_INCOMPLETE.NonExistentInput1.d: [D_OP_INCOMPLETE] line 25: operator -> cannot be applied to a forward declaration: no struct input_struct definition is available
