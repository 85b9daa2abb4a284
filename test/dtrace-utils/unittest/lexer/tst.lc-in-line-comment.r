                   FUNCTION:NAME
                          :BEGIN 

-- @@stderr --
dtrace: script 'test/unittest/lexer/tst.lc-in-line-comment.d' matched 1 probe
