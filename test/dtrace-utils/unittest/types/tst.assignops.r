101
1
100
1
1

f0f0
f0f0
f0f
ffffffff

f0f0
78780
f0f0

