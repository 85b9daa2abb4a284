sizeof "hi": 3

