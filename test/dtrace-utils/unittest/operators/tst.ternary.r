x is zero
x is one
x is two

