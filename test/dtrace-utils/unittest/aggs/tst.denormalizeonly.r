denormalized:
        0             3000
        1             3400
        2             3800
        3             4200
        4             4600
