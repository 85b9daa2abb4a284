sizeof(assoc_array["hello"]): 256
sizeof(assoc_array["hi"]): 256

