The value is 150

