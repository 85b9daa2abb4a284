Speculation IDs: 1 2 3
Speculating on id: 3
Speculating on id: 2
Speculating on id: 1

