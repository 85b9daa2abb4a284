-- @@stderr --
dtrace: failed to compile script test/unittest/speculation/err.D_PRAGMA_OPTSET.NegSpecSize.d: [D_PRAGMA_OPTSET] line 18: failed to set option 'specsize' to '-40': Invalid value for specified option
