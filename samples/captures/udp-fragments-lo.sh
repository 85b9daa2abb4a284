#!/bin/sh
# Records samples/captures/udp-fragments-lo.pcap: a real loopback capture of
# a fragmented UDP exchange, made by the Linux kernel and tcpdump.
#
# In a private network namespace (iproute2 `ip netns`, so nothing else is on
# its loopback), lo's MTU is lowered to 1280 bytes, the IPv6 minimum: the
# kernel then fragments every datagram larger than that, IPv4 and IPv6 alike.
# tcpdump records lo while a Python client on 127.0.0.1:47301 sends the
# server on 127.0.0.1:47300 datagrams of 3000, 400 and 6000 bytes of payload,
# each echoed back, then the same over ::1. At MTU 1280 a 3000-byte payload
# (3008 bytes of UDP) travels in 3 fragments (IPv4: 1256 + 1256 + 496 bytes
# of data; IPv6: 1232 + 1232 + 544), 6000 bytes in 5, 400 bytes whole.
#
# The committed file is the reference; a new run differs in timestamps and
# IP identifications only (the kernel picks them).
#
# Usage (root, Linux, with iproute2, tcpdump and python3): samples/captures/udp-fragments-lo.sh
set -eu
here=$(cd "$(dirname "$0")" && pwd)
out="$here/udp-fragments-lo.pcap"
ns="wiretrace-frag-$$"
ip netns add "$ns"
dump=''
trap 'if [ -n "$dump" ]; then kill "$dump" 2>/dev/null || true; fi; ip netns del "$ns"' EXIT
ip -n "$ns" link set lo mtu 1280 up
ip netns exec "$ns" tcpdump -i lo --immediate-mode -U -s 0 -w "$out" 2>/dev/null & dump=$!
sleep 1
ip netns exec "$ns" python3 - <<'PY'
import socket, time
text = b'wiretrace fragments over lo, MTU 1280. '
payload = lambda n: (text * (n // len(text) + 1))[:n]
for fam, host in ((socket.AF_INET, '127.0.0.1'), (socket.AF_INET6, '::1')):
    srv = socket.socket(fam, socket.SOCK_DGRAM); srv.bind((host, 47300))
    cli = socket.socket(fam, socket.SOCK_DGRAM); cli.bind((host, 47301))
    for n in (3000, 400, 6000):
        cli.sendto(payload(n), (host, 47300))
        data, addr = srv.recvfrom(65535)
        srv.sendto(data, addr)
        assert cli.recvfrom(65535)[0] == payload(n)
        time.sleep(0.05)
    srv.close(); cli.close()
PY
sleep 1
kill "$dump"; wait "$dump" 2>/dev/null || true; dump=''
tcpdump -nn -r "$out" 2>/dev/null | wc -l | sed 's/^/packets: /'
