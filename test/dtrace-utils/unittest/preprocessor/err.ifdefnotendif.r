-- @@stderr --
/dev/stdin:16: error: unterminated #if
dtrace: failed to compile script test/unittest/preprocessor/err.ifdefnotendif.d: Preprocessor failed to process input program
