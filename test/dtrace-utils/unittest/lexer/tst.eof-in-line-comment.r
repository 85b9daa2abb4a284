                   FUNCTION:NAME
                          :BEGIN 

-- @@stderr --
dtrace: script 'test/unittest/lexer/tst.eof-in-line-comment.d' matched 1 probe
