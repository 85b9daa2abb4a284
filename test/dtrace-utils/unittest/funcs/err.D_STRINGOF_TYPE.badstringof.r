-- @@stderr --
dtrace: failed to compile script test/unittest/funcs/err.D_STRINGOF_TYPE.badstringof.d: [D_STRINGOF_TYPE] line 20: cannot apply stringof to a value of type void
