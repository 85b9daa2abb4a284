array[0]: 234, newp: 234

