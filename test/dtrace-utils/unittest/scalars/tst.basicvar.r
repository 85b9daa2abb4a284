The value of x is 123

