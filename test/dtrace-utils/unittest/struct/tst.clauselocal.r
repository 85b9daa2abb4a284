Die SystemTap, Die.

