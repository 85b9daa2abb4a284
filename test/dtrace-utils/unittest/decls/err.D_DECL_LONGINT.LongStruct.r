-- @@stderr --
dtrace: failed to compile script test/unittest/decls/err.D_DECL_LONGINT.LongStruct.d: [D_DECL_LONGINT] line 19: invalid type declaration: long and long long may only be used with integer or floating-point type
