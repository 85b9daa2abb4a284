-- @@stderr --
dtrace: failed to compile script test/unittest/bitfields/err.D_SIZEOF_BITFIELD.SizeofBitfield.d: [D_SIZEOF_BITFIELD] line 25: cannot apply sizeof to a bit-field
