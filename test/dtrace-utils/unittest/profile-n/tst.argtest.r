Test passed; either arg0/arg1 is zero

