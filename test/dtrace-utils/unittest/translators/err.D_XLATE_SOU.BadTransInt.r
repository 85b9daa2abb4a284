-- @@stderr --
dtrace: failed to compile script test/unittest/translators/err.D_XLATE_SOU.BadTransInt.d: [D_XLATE_SOU] line 25: translator output type must be a struct or union
