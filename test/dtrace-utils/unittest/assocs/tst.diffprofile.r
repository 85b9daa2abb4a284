The value of x is 123
The value of x is 235
The value of x is 456

