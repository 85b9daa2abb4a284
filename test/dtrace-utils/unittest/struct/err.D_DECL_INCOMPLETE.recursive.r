-- @@stderr --
dtrace: failed to compile script test/unittest/struct/err.D_DECL_INCOMPLETE.recursive.d: [D_DECL_INCOMPLETE] line 19: incomplete struct/union/enum struct record: rec
