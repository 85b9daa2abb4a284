Testing circular translations
forwardi: 10	forwardc: c
backwardi: 100	backwardc: d
