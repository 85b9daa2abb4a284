-- @@stderr --
dtrace: failed to compile script test/unittest/speculation/err.D_COMM_COMM.CommitAftCommit.d: [D_COMM_COMM] line 48: commit( ) may not follow commit( )
