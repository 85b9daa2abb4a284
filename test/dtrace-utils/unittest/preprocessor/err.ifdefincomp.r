-- @@stderr --
/dev/stdin:17: error: operator "defined" requires an identifier
/dev/stdin:17: error: unterminated #if
dtrace: failed to compile script test/unittest/preprocessor/err.ifdefincomp.d: Preprocessor failed to process input program
