probe funct = 
