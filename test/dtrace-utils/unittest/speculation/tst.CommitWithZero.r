commit(), self->commitFlag = 1

