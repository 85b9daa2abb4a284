foobaz
foo
baz


