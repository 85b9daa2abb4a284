-- @@stderr --
dtrace: failed to compile script test/unittest/inline/err.D_DECL_IDRED.redef1.d: [D_DECL_IDRED] line 21: identifier redefined: foo
	 current: inline definition
	previous: scalar inline
