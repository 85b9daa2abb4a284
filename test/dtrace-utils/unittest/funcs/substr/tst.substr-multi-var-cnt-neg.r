
  2 -10 cdef
  2  -9 cdefg
  2  -8 cdefgh
  2  -7 cdefghi
  2  -6 cdefghij
  2  -5 cdefghijk
  2  -4 cdefghijkl
  2  -3 cdefghijklm
  2  -2 cdefghijklmn
  2  -1 cdefghijklmno
