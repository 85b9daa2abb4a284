The value is 0

