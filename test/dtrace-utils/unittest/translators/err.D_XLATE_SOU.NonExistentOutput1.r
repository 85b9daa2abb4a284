-- @@stderr --
dtrace: failed to compile script test/unittest/translators/err.D_XLATE_SOU.NonExistentOutput1.d: [D_XLATE_SOU] line 28: incomplete struct/union/enum struct output_struct
