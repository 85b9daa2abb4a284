Begin fired first
tick fired second
Call exit
End fired after exit

