ffff 0
ffff 0

