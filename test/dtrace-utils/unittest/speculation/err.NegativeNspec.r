-- @@stderr --
dtrace: failed to compile script test/unittest/speculation/err.NegativeNspec.d: line 17: failed to set option 'nspec' to '-72': Invalid value for specified option
