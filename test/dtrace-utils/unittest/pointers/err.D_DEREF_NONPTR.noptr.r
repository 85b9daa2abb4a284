-- @@stderr --
dtrace: failed to compile script test/unittest/pointers/err.D_DEREF_NONPTR.noptr.d: [D_DEREF_NONPTR] line 24: cannot dereference non-pointer type
