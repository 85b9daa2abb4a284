-- @@stderr --
dtrace: failed to compile script test/unittest/union/err.D_PROTO_ARG.DupUnionAssoc.d: [D_PROTO_ARG] line 50: assoc_array[ ] key #1 is incompatible with prototype:
	prototype: union record
	      key: union pirate
