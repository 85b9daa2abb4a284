-- @@stderr --
dtrace: failed to compile script test/unittest/bitfields/err.D_OFFSETOF_BITFIELD.d: [D_OFFSETOF_BITFIELD] line 25: cannot take offset of a bit-field: a
