-- @@stderr --
dtrace: failed to compile script test/unittest/options/err.pspec-on.d: line 16: expected predicate and/or actions following probe description
