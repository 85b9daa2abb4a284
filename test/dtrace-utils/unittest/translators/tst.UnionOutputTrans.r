Test translator definition with union output
