Speculation IDs: 1 2 3 4 5 6 7 8
Speculating on id: 8
Speculating on id: 6
Speculating on id: 4
Speculating on id: 2

