Success
