Begin fired first
Begin fired second
Begin fired third
Begin fired fourth
Begin fired fifth

