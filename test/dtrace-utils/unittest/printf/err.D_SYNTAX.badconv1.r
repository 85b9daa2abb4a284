-- @@stderr --
dtrace: failed to compile script test/unittest/printf/err.D_SYNTAX.badconv1.d: [D_SYNTAX] line 18: format conversion #1 uses unsupported positional format (%n$)
