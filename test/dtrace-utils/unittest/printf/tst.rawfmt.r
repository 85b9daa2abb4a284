hello world from BEGIN
