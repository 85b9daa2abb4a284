This test is a simple tick-msec provider test

