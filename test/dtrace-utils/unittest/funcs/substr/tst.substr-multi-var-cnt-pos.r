
  2   0 
  2   1 c
  2   2 cd
  2   3 cde
  2   4 cdef
  2   5 cdefg
  2   6 cdefgh
  2   7 cdefghi
  2   8 cdefghij
  2   9 cdefghijk
  2  10 cdefghijkl
