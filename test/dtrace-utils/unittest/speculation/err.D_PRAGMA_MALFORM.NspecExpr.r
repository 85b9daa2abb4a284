-- @@stderr --
dtrace: failed to compile script test/unittest/speculation/err.D_PRAGMA_MALFORM.NspecExpr.d: [D_PRAGMA_MALFORM] line 20: superfluous arguments specified for #pragma option
