-- @@stderr --
dtrace: failed to compile script test/unittest/speculation/err.D_SPEC_SPEC.SpecAftSpec.d: [D_SPEC_SPEC] line 30: speculate( ) may not follow speculate( )
