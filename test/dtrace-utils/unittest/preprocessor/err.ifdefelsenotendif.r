-- @@stderr --
/dev/stdin:17: error: unterminated #else
dtrace: failed to compile script test/unittest/preprocessor/err.ifdefelsenotendif.d: Preprocessor failed to process input program
