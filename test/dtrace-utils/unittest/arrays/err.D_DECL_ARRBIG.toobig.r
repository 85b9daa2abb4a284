-- @@stderr --
dtrace: failed to compile script test/unittest/arrays/err.D_DECL_ARRBIG.toobig.d: [D_DECL_ARRBIG] line 18: array dimension too big
