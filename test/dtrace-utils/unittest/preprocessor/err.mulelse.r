-- @@stderr --
/dev/stdin:21: error: #else after #else
/dev/stdin:17: error: the conditional began here
/dev/stdin:23: error: #else after #else
/dev/stdin:17: error: the conditional began here
dtrace: failed to compile script test/unittest/preprocessor/err.mulelse.d: Preprocessor failed to process input program
