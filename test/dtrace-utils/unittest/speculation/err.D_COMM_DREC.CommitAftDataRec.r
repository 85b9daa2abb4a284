-- @@stderr --
dtrace: failed to compile script test/unittest/speculation/err.D_COMM_DREC.CommitAftDataRec.d: [D_COMM_DREC] line 28: commit( ) may not follow data-recording action(s)
