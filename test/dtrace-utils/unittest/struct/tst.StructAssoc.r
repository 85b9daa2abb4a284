assoc_array[r1]: 2000
assoc_array[r2]: 2000

