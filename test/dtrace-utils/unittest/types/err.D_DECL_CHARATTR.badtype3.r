-- @@stderr --
dtrace: failed to compile script test/unittest/types/err.D_DECL_CHARATTR.badtype3.d: [D_DECL_CHARATTR] line 21: invalid type declaration: short and long may not be used with char type
