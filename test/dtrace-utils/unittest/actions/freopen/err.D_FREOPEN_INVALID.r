-- @@stderr --
dtrace: failed to compile script test/unittest/actions/freopen/err.D_FREOPEN_INVALID.d: [D_FREOPEN_INVALID] line 18: freopen( ) argument #1 cannot be "."
