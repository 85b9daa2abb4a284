-- @@stderr --
dtrace: failed to compile script test/unittest/types/err.D_UNKNOWN.badtype1.d: [D_UNKNOWN] line 21: failed to resolve type short long : Unknown type name
