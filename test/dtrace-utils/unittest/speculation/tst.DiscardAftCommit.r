Speculation ID: 1
This statement and the following are speculative!!
Speculating on id: 1
Discarded a committed buffer

