-- @@stderr --
dtrace: failed to compile script test/unittest/translators/err.D_TYPE_MEMBER.NonExistentInput2.d: [D_TYPE_MEMBER] line 32: nonexistent is not a member of struct input_struct
