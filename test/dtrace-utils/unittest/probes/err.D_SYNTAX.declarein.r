-- @@stderr --
dtrace: failed to compile script test/unittest/probes/err.D_SYNTAX.declarein.d: [D_SYNTAX] line 21: expected predicate and/or actions following probe description
