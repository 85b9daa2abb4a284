sizeof(NULL): 4

