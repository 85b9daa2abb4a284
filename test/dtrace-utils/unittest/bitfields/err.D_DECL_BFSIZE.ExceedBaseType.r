-- @@stderr --
dtrace: failed to compile script test/unittest/bitfields/err.D_DECL_BFSIZE.ExceedBaseType.d: [D_DECL_BFSIZE] line 18: bit-field too big for type: a
