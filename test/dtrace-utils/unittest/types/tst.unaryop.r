ffff 0 f0f
ffff0000 ffffffff fffff0f0
ffff 0 f0f
ffff0000 ffffffff fffff0f0

