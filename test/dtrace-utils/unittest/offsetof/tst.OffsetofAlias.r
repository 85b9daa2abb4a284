offsetof(record_t, c) = 0
offsetof(record_t, x) = 4
offsetof(record_t, y) = 8

