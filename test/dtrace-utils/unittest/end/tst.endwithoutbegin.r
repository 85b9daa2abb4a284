End fired after exit

