-- @@stderr --
dtrace: failed to compile script test/unittest/translators/err.D_XLATE_INCOMPAT.BadInputType1.d: [D_XLATE_INCOMPAT] line 33: translator member myc definition uses incompatible types: "char *" = "char"
