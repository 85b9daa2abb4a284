success
