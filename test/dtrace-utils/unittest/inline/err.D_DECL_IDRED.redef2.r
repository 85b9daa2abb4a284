-- @@stderr --
dtrace: failed to compile script test/unittest/inline/err.D_DECL_IDRED.redef2.d: [D_DECL_IDRED] line 20: identifier redefined: rand
	 current: inline definition
	previous: function 
