
  0   3 abc
  1   3 bcd
  2   3 cde
  3   3 def
  4   3 efg
  5   3 fgh
  6   3 ghi
  7   3 hij
  8   3 ijk
  9   3 jkl
 10   3 klm
