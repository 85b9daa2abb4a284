
hello
h
he
hel
hell
hello
hello
h
he
hel
hell
hello

