-- @@stderr --
dtrace: failed to compile script test/unittest/pragma/err.D_PRAGERR.d: [D_PRAGERR] line 16: #error: this is an error message 
