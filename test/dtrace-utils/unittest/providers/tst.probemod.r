probe description module field = 
