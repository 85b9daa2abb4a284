-- @@stderr --
dtrace: failed to compile script test/unittest/arrays/err.D_DECL_ARRNULL.bad.d: [D_DECL_ARRNULL] line 16: array declaration requires array dimension or tuple signature: a
