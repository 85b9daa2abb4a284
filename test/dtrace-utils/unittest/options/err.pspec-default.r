-- @@stderr --
dtrace: failed to compile script test/unittest/options/err.pspec-default.d: line 15: syntax error near end-of-input
