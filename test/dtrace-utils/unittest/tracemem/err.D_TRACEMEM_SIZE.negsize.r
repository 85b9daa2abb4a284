-- @@stderr --
dtrace: failed to compile script test/unittest/tracemem/err.D_TRACEMEM_SIZE.negsize.d: [D_TRACEMEM_SIZE] line 17: tracemem( ) argument #2 must be a non-zero positive integral constant expression
