The value of i is 2
The value of i is 2
The value of i is 4
The value of i is -19
The value of i is 38
The value of i is -43

