-- @@stderr --
dtrace: failed to compile script test/unittest/types/err.D_DECL_ENCONST.badeval.d: [D_DECL_ENCONST] line 18: enumerator 'TAG' must be assigned to an integral constant expression
