-- @@stderr --
dtrace: failed to compile script test/unittest/offsetof/err.D_OFFSETOF_TYPE.badtype.d: [D_OFFSETOF_TYPE] line 22: offsetof operand must be a struct or union type
