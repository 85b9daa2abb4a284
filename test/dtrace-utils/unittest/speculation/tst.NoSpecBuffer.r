Speculative buffer ID: 1
Speculative buffer ID: 0
i: 2	self->spec: 0
-- @@stderr --
dtrace: 1 failed speculation (no speculative buffer available)
