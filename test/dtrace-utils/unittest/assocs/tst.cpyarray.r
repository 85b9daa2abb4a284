The value of x is 123
The value of x is 124
The value of x is 125

