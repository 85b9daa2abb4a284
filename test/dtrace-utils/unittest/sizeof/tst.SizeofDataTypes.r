sizeof(new_char): 1
sizeof(new_short): 2
sizeof(new_int): 4
sizeof(new_long): 8
sizeof(new_long_long): 8
sizeof(new_int8): 1
sizeof(new_int16): 2
sizeof(new_int32): 4
sizeof(new_int64): 8
sizeof(pointer): 8
sizeof(intptr_t): 8
sizeof(new_struct): 8
sizeof(anon_struct): 8
sizeof(new_union): 4
sizeof(anon_union): 4
sizeof(new_enum): 4

