-- @@stderr --
dtrace: failed to compile script test/unittest/options/err.D_MACRO_UNDEF.no-defaultargs.d: [D_MACRO_UNDEF] line 16: macro argument $1 is not defined
