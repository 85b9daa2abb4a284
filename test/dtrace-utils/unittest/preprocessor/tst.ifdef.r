The value is 10

