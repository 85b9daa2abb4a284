                   FUNCTION:NAME
                          :BEGIN 
                          :BEGIN 
                          :BEGIN 
                          :BEGIN   hello world                      
                          :BEGIN 

               10
-- @@stderr --
dtrace: script 'test/unittest/aggs/tst.count_notquiet.d' matched 15 probes
