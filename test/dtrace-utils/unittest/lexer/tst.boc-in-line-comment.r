                   FUNCTION:NAME
                          :BEGIN 

-- @@stderr --
dtrace: script 'test/unittest/lexer/tst.boc-in-line-comment.d' matched 1 probe
