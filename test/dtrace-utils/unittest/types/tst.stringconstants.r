string_1 = abcd


efg
string_2 = abc"	$\?M
string_3 = \?\\'"

