This should be seen
