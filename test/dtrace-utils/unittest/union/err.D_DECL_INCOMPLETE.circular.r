-- @@stderr --
dtrace: failed to compile script test/unittest/union/err.D_DECL_INCOMPLETE.circular.d: [D_DECL_INCOMPLETE] line 20: incomplete struct/union/enum struct pirate: p
