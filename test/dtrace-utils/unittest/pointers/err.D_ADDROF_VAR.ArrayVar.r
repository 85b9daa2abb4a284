-- @@stderr --
dtrace: failed to compile script test/unittest/pointers/err.D_ADDROF_VAR.ArrayVar.d: [D_ADDROF_VAR] line 23: cannot take address of dynamic variable
