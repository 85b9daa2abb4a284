probe description provider = profile
