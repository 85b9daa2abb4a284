-- @@stderr --
dtrace: failed to compile script test/unittest/offsetof/err.D_OFFSETOF_TYPE.notsou.d: [D_OFFSETOF_TYPE] line 21: offsetof operand must be a struct or union type
