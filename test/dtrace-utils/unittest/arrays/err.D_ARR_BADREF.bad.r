-- @@stderr --
dtrace: failed to compile script test/unittest/arrays/err.D_ARR_BADREF.bad.d: [D_ARR_BADREF] line 20: cannot access scalar x as an associative array
