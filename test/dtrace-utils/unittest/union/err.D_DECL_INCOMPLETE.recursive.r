-- @@stderr --
dtrace: failed to compile script test/unittest/union/err.D_DECL_INCOMPLETE.recursive.d: [D_DECL_INCOMPLETE] line 18: incomplete struct/union/enum union record: rec
