-- @@stderr --
dtrace: failed to compile script test/unittest/pointers/err.D_ADDROF_VAR.DynamicVar.d: [D_ADDROF_VAR] line 25: cannot take address of dynamic variable
