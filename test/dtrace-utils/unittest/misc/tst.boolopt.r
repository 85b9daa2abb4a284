.lived eht si paTmetsyS, lived eht si paTmetsyS

