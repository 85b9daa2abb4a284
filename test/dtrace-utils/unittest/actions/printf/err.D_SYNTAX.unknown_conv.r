-- @@stderr --
dtrace: failed to compile script test/unittest/actions/printf/err.D_SYNTAX.unknown_conv.d: [D_SYNTAX] line 19: format conversion #1 is undefined: %z
