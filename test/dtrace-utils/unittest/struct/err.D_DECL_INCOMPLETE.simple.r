-- @@stderr --
dtrace: failed to compile script test/unittest/struct/err.D_DECL_INCOMPLETE.simple.d: [D_DECL_INCOMPLETE] line 22: incomplete struct/union/enum struct pirate: p
