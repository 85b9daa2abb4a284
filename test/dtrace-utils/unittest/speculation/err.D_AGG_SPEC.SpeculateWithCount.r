-- @@stderr --
dtrace: failed to compile script test/unittest/speculation/err.D_AGG_SPEC.SpeculateWithCount.d: [D_AGG_SPEC] line 26: aggregating actions may not follow speculate( )
