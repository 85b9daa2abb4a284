discard(), self->discardFlag = 1

