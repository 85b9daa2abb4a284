-- @@stderr --
dtrace: failed to compile script test/unittest/speculation/err.D_DREC_COMM.ExitAfterCommit.d: [D_DREC_COMM] line 34: data-recording actions may not follow commit( )
