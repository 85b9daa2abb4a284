This test is a simple tick-s provider test

