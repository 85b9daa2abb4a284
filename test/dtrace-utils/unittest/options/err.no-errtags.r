-- @@stderr --
dtrace: failed to compile script test/unittest/options/err.no-errtags.d: line 13: empty D program translation unit
