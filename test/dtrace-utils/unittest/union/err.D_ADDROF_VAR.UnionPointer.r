-- @@stderr --
dtrace: failed to compile script test/unittest/union/err.D_ADDROF_VAR.UnionPointer.d: [D_ADDROF_VAR] line 33: cannot take address of dynamic variable
