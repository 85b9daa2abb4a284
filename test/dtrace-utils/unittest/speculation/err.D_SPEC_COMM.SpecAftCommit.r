-- @@stderr --
dtrace: failed to compile script test/unittest/speculation/err.D_SPEC_COMM.SpecAftCommit.d: [D_SPEC_COMM] line 44: speculate( ) may not follow commit( )
