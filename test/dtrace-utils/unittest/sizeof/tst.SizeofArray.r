sizeof(array): 20
sizeof(array[0]): 4
sizeof(array[1]): 4
sizeof(array[2]): 4

