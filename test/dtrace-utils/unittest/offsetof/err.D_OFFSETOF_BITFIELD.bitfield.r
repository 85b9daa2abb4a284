-- @@stderr --
dtrace: failed to compile script test/unittest/offsetof/err.D_OFFSETOF_BITFIELD.bitfield.d: [D_OFFSETOF_BITFIELD] line 27: cannot take offset of a bit-field: b
