Input type is an alias
