-- @@stderr --
dtrace: failed to compile script test/unittest/lexer/err.eof-in-comment.d: line 14: end-of-file encountered before matching */
