Speculation ID: 1
Called speculate on id: 1
Succesfully tested buffer commit

