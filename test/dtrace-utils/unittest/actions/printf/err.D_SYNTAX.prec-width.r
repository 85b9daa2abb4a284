-- @@stderr --
dtrace: failed to compile script test/unittest/actions/printf/err.D_SYNTAX.prec-width.d: [D_SYNTAX] line 18: format conversion #1 has more than one '*' specified for the output precision
