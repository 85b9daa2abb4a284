This test is a simple tick-usec provider test

