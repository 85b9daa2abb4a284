Begin fired first
Begin fired second
Begin fired third
Begin fired fourth
Begin fired fifth
End1 fired after exit
End2 fired after exit
End3 fired after exit
End4 fired after exit

