one 2
