-- @@stderr --
dtrace: failed to compile script test/unittest/assocs/err.tupoflow.d: Insufficient tuple registers to generate code
