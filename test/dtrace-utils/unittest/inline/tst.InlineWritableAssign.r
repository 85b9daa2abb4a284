rec1.c: c
rec1.i:10
un1.c: d
rec2.c: c
rec2.i:10
un2.c: d

