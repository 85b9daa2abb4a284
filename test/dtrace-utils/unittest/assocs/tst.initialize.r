the value of x is 0

