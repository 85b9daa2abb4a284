c is A i is 65
i is 1601 c is A
c is A s is 65
s is 1601 c is A
i is 1601 s is 1601
s is 1601 i is 1601
i is 4294967295 ll is ffffffff
ll is 8589934591 i is ffffffff
c is A ll is 41
ll is 1ffffff41 c is A

