-- @@stderr --
/dev/stdin:17: error: no macro name given in #define directive
dtrace: failed to compile script test/unittest/preprocessor/err.defincomp.d: Preprocessor failed to process input program
