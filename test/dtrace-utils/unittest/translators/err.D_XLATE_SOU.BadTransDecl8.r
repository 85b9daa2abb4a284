-- @@stderr --
dtrace: failed to compile script test/unittest/translators/err.D_XLATE_SOU.BadTransDecl8.d: [D_XLATE_SOU] line 31: translator output type must be a struct or union
