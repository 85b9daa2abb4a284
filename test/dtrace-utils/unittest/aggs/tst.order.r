0
3
5
6
7
8
9

Berlin
Calgary
Dublin
Edmonton
Ghent
London
Regina
Shanghai
Winnipeg
Zurich

8 Asparagus
8 Barley
8 Carrots
8 Oatmeal
8 Rice
8 Squash
8 Sweet potato

a
d
f
s


