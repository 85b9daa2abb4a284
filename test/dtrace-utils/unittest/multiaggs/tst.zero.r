       456          0        456
       123        123          0
       789        789        789
       456          0        456 
           value  ------------- Distribution ------------- count    
              -1 |                                         0        
               0 |                                         0        
               1 |                                         0        

       123        123          0 
           value  ------------- Distribution ------------- count    
              -1 |                                         0        
               0 |                                         0        
               1 |                                         0        

       789        789        789 
           value  ------------- Distribution ------------- count    
              -1 |                                         0        
               0 |                                         0        
               1 |                                         0        

       456          0        456 
           value  ------------- Distribution ------------- count    
              -1 |                                         0        
               0 |                                         0        
               1 |                                         0        
 
           value  ------------- Distribution ------------- count    
           < -10 |                                         0        
             -10 |                                         0        
              -9 |                                         0        

       123        123          0 
           value  ------------- Distribution ------------- count    
              -1 |                                         0        
               0 |                                         0        
               1 |                                         0        
 
           value  ------------- Distribution ------------- count    
           < -10 |                                         0        
             -10 |                                         0        
              -9 |                                         0        

       789        789        789 
           value  ------------- Distribution ------------- count    
              -1 |                                         0        
               0 |                                         0        
               1 |                                         0        
 
           value  ------------- Distribution ------------- count    
           < -10 |                                         0        
             -10 |                                         0        
              -9 |                                         0        


