-- @@stderr --
dtrace: failed to compile script test/unittest/lexer/err.eof-in-pragma.d: line 14: end-of-file encountered before end of control line
