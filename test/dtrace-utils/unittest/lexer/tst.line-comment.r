                   FUNCTION:NAME
                          :BEGIN 

-- @@stderr --
dtrace: script 'test/unittest/lexer/tst.line-comment.d' matched 1 probe
