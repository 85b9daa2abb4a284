-- @@stderr --
dtrace: failed to compile script test/unittest/multiaggs/err.D_PRINTA_AGGPROTO.d: [D_PRINTA_AGGPROTO] line 15: printa( ): @bar[ ] key #1 is incompatible with @foo:
      foo key #1: int
      bar key #1: string
