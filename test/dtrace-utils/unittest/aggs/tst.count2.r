
  tick-count                                                       10
