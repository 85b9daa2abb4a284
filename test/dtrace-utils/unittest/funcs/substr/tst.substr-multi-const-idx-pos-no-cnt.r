
  0 abcdefghijklmnop
  1 bcdefghijklmnop
  2 cdefghijklmnop
  3 defghijklmnop
  4 efghijklmnop
  5 fghijklmnop
  6 ghijklmnop
  7 hijklmnop
  8 ijklmnop
  9 jklmnop
 10 klmnop
