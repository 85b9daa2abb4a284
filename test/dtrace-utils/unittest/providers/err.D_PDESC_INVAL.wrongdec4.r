-- @@stderr --
dtrace: failed to compile script test/unittest/providers/err.D_PDESC_INVAL.wrongdec4.d: [D_PDESC_INVAL] line 26: invalid probe description "profile::::tick-1sec": Overspecified probe description
