-- @@stderr --
dtrace: failed to compile script test/unittest/types/err.D_CHR_OFLOW.charconst.d: [D_CHR_OFLOW] line 20: character constant is too long
