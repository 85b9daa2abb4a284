-- @@stderr --
dtrace: failed to compile script test/unittest/pointers/err.D_ADDROF_VAR.agg.d: [D_ADDROF_VAR] line 20: cannot take address of dynamic variable
