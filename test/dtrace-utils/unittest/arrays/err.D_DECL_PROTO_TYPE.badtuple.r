-- @@stderr --
dtrace: failed to compile script test/unittest/arrays/err.D_DECL_PROTO_TYPE.badtuple.d: [D_DECL_PROTO_TYPE] line 18: array prototype may not use parameter of type void: (anonymous), parameter #1
