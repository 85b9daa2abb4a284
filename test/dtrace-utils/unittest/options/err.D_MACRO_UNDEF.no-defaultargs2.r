-- @@stderr --
dtrace: failed to compile script test/unittest/options/err.D_MACRO_UNDEF.no-defaultargs2.d: [D_MACRO_UNDEF] line 20: macro argument $3 is not defined
