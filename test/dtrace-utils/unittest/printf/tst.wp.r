
hello
h
he
hel
hell
hello
 hello
  hello
   hello
    hello
hello
h
he
hel
hell
hello
 hello
  hello
   hello
    hello

