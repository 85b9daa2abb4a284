-- @@stderr --
dtrace: failed to compile script test/unittest/sizeof/err.D_IDENT_BADREF.SizeofAssoc.d: [D_IDENT_BADREF] line 24: associative array 'assoc_array' may not be referenced as scalar
