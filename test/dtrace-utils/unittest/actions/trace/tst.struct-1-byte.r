                   FUNCTION:NAME
                          :BEGIN 
             0  1  2  3  4  5  6  7  8  9  a  b  c  d  e  f  0123456789abcdef
         0: 34                                               4


-- @@stderr --
dtrace: script 'test/unittest/actions/trace/tst.struct-1-byte.d' matched 1 probe
