-- @@stderr --
dtrace: failed to compile script test/unittest/speculation/err.D_PRAGMA_OPTSET.HugeNspecValue.d: [D_PRAGMA_OPTSET] line 19: failed to set option 'nspec' to '245566729809009887663': Invalid value for specified option
