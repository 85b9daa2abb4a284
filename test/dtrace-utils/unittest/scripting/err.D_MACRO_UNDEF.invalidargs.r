-- @@stderr --
dtrace: failed to compile script test/unittest/scripting/err.D_MACRO_UNDEF.invalidargs.d: [D_MACRO_UNDEF] line 20: macro argument $1 is not defined
