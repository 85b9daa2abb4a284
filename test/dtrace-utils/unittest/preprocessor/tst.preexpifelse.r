The value is 5

