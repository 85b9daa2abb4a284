-- @@stderr --
dtrace: failed to compile script test/unittest/speculation/err.D_PRAGMA_OPTSET.InvalidSpecSize.d: [D_PRAGMA_OPTSET] line 18: failed to set option 'specsize' to '1b': Invalid value for specified option
