-- @@stderr --
dtrace: failed to compile script test/unittest/actions/printf/err.D_SYNTAX.explicit_arg-3.d: [D_SYNTAX] line 19: format conversion #1 uses unsupported positional format (%n$)
