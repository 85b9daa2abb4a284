-- @@stderr --
dtrace: failed to compile script test/unittest/struct/err.D_PROTO_ARG.DupStructAssoc.d: [D_PROTO_ARG] line 50: assoc_array[ ] key #1 is incompatible with prototype:
	prototype: struct record
	      key: struct pirate
