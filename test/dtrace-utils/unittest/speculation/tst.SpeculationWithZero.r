Statement wasn't executed

