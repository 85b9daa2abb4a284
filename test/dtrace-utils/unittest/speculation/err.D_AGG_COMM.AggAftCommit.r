-- @@stderr --
dtrace: failed to compile script test/unittest/speculation/err.D_AGG_COMM.AggAftCommit.d: [D_AGG_COMM] line 17: aggregating actions may not follow commit( )
