-- @@stderr --
dtrace: failed to compile script test/unittest/types/err.D_DECL_BADCLASS.bad.d: [D_DECL_BADCLASS] line 16: specified storage class not appropriate in D
