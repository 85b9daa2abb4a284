Output type is an alias
