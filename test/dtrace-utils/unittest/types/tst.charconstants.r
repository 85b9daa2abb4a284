decimal value = 97; character value = a
decimal value = 34; character value = "
decimal value = 2230369; character value = a
decimal value = 23615; character value = ?
decimal value = 23591; character value = '
decimal value = 92; character value = \
decimal value = 2099; character value = 3
decimal value = 78; character value = N
decimal value = 23651; character value = c
decimal value = 1633821284; character value = d
decimal value = 6991947704341784424

