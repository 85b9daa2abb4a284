                   FUNCTION:NAME
                          :BEGIN 

-- @@stderr --
dtrace: script 'test/unittest/lexer/tst.eoc-in-line-comment.d' matched 1 probe
