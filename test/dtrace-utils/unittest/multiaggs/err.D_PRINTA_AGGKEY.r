-- @@stderr --
dtrace: failed to compile script test/unittest/multiaggs/err.D_PRINTA_AGGKEY.d: [D_PRINTA_AGGKEY] line 15: printa( ): @foo and @bar do not have matching key signatures: @foo has 1 key, @bar has 0 keys
