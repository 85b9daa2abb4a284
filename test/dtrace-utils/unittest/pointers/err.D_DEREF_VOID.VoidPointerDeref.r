-- @@stderr --
dtrace: failed to compile script test/unittest/pointers/err.D_DEREF_VOID.VoidPointerDeref.d: [D_DEREF_VOID] line 29: cannot dereference pointer to void
