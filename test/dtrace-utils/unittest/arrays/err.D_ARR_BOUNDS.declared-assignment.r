-- @@stderr --
dtrace: failed to compile script test/unittest/arrays/err.D_ARR_BOUNDS.declared-assignment.d: [D_ARR_BOUNDS] line 19: index outside array bounds: 5, max is 5
