-- @@stderr --
dtrace: failed to compile script test/unittest/printa/err.D_PRINTA_PROTO.bad.d: [D_PRINTA_PROTO] line 18: printa( ) prototype mismatch: 1 args passed, 2 expected
