bitRecord.a: 0
bitRecord.b: 0
bitRecord.c: 0

