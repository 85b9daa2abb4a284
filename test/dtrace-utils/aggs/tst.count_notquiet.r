                   FUNCTION:NAME
                    :tick-1005ms 

               10
-- @@stderr --
dtrace: script 'test/unittest/aggs/tst.count_notquiet.d' matched 2 probes
