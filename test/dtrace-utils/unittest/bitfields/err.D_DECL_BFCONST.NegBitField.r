-- @@stderr --
dtrace: failed to compile script test/unittest/bitfields/err.D_DECL_BFCONST.NegBitField.d: [D_DECL_BFCONST] line 18: positive integral constant expression expected as bit-field size
