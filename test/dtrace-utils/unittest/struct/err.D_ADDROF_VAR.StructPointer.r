-- @@stderr --
dtrace: failed to compile script test/unittest/struct/err.D_ADDROF_VAR.StructPointer.d: [D_ADDROF_VAR] line 32: cannot take address of dynamic variable
