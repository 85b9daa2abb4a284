Speculation ID: 1
Committed a discarded buffer

