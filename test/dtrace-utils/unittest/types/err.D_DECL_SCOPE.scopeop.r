-- @@stderr --
dtrace: failed to compile script test/unittest/types/err.D_DECL_SCOPE.scopeop.d: [D_DECL_SCOPE] line 20: D scoping operator may not be used in a declaration name (`xyz)
