This test is a simple tick-us provider test

