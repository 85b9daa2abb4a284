-- @@stderr --
dtrace: failed to compile script test/unittest/translators/err.D_XLATE_MEMB.NonExistentOutput2.d: [D_XLATE_MEMB] line 33: translator member yourc is not a member of struct output_struct
