#!/bin/sh
# Records samples/captures/tcp-lossy-veth.pcap: a real capture of TCP through
# a lossy path, made by the Linux kernel and tcpdump, for the bcc-style tools
# (tcpretrans.d, tcplife.d, tcptop.d, tcpstates.d, tcpconnect.d, tcpaccept.d).
#
# Three private network namespaces (iproute2 `ip netns`): a client host
# (10.9.1.2, fd09:1::2), a router, and a server (10.9.2.2, fd09:2::2), joined
# by veth pairs. The router's two egress queues are token buckets (tc tbf,
# 8 Mbit/s, room for 6 full segments): TCP's slow start overflows them, so
# segments are dropped by congestion after tcpdump has seen them leave the
# client, and the kernels retransmit them, as on a real bottleneck link.
# GSO is limited to one segment so the capture shows wire-sized segments.
# tcpdump records the client's interface while (Python, the kernel's TCP):
#
#   - the client fetches 60000 and 150000 bytes from the server's port 8080
#     over IPv4 and 90000 over IPv6 (the server closes first);
#   - the client uploads 120000 bytes to the server's port 8081, which
#     answers "ok" once it has read them all (the client closes first);
#   - the server connects to the client's port 7000 and sends it 40000 bytes
#     (an accepted connection on the capturing host);
#   - the client connects to the server's closed port 9 (refused).
#
# The committed file is the reference; a new run differs in timestamps,
# ports, sequence numbers and which segments netem drops.
#
# Usage (root, Linux, with iproute2, tcpdump and python3): samples/captures/tcp-lossy-veth.sh
set -eu
here=$(cd "$(dirname "$0")" && pwd)
out="$here/tcp-lossy-veth.pcap"
c="wiretrace-c-$$" r="wiretrace-r-$$" s="wiretrace-s-$$"
dump='' srv=''
cleanup() {
  if [ -n "$dump" ]; then kill "$dump" 2>/dev/null || true; fi
  if [ -n "$srv" ]; then kill "$srv" 2>/dev/null || true; fi
  ip netns del "$c" 2>/dev/null || true; ip netns del "$r" 2>/dev/null || true; ip netns del "$s" 2>/dev/null || true
}
trap cleanup EXIT
for n in "$c" "$r" "$s"; do ip netns add "$n"; ip -n "$n" link set lo up; done
ip link add c0 netns "$c" type veth peer name r0 netns "$r"
ip link add s0 netns "$s" type veth peer name r1 netns "$r"
ip netns exec "$r" sysctl -qw net.ipv4.ip_forward=1 net.ipv6.conf.all.forwarding=1
addr() { n=$1 d=$2; shift 2; ip -n "$n" addr add "$@" dev "$d"; }
addr "$c" c0 10.9.1.2/24; addr "$c" c0 fd09:1::2/64 nodad
addr "$r" r0 10.9.1.1/24; addr "$r" r0 fd09:1::1/64 nodad
addr "$r" r1 10.9.2.1/24; addr "$r" r1 fd09:2::1/64 nodad
addr "$s" s0 10.9.2.2/24; addr "$s" s0 fd09:2::2/64 nodad
for p in "$c c0" "$r r0" "$r r1" "$s s0"; do set -- $p; ip -n "$1" link set "$2" gso_max_segs 1 up; done
ip -n "$c" route add default via 10.9.1.1; ip -n "$c" -6 route add default via fd09:1::1
ip -n "$s" route add default via 10.9.2.1; ip -n "$s" -6 route add default via fd09:2::1
ip netns exec "$r" tc qdisc add dev r0 root tbf rate 8mbit burst 4500 limit 9000
ip netns exec "$r" tc qdisc add dev r1 root tbf rate 8mbit burst 4500 limit 9000

ip netns exec "$s" python3 - <<'PY' & srv=$!
import socket, threading
def serve(fam, host, port, handle):
    l = socket.socket(fam, socket.SOCK_STREAM); l.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    l.bind((host, port)); l.listen(8)
    def loop():
        while True:
            conn, _ = l.accept()
            threading.Thread(target=handle, args=(conn,), daemon=True).start()
    threading.Thread(target=loop, daemon=True).start()
def readline(conn):
    b = b''
    while not b.endswith(b'\n'):
        d = conn.recv(1)
        if not d: break
        b += d
    return b
def fetch(conn):  # "GET n\n": n bytes, then the server closes first
    n = int(readline(conn).split()[1]); conn.sendall(bytes(i % 251 for i in range(n))); conn.close()
def upload(conn):  # read to EOF, answer "ok", close
    while conn.recv(65536): pass
    conn.sendall(b'ok\n'); conn.close()
for fam, host in ((socket.AF_INET, '10.9.2.2'), (socket.AF_INET6, 'fd09:2::2')):
    serve(fam, host, 8080, fetch); serve(fam, host, 8081, upload)
# A control connection on 8090: "connect" makes the server open a connection to the client's port 7000.
def control(conn):
    readline(conn)
    o = socket.create_connection(('10.9.1.2', 7000)); o.sendall(bytes(40000)); o.shutdown(socket.SHUT_WR)
    while o.recv(65536): pass
    o.close(); conn.sendall(b'done\n'); conn.close()
serve(socket.AF_INET, '10.9.2.2', 8090, control)
threading.Event().wait()
PY
sleep 1
ip netns exec "$c" tcpdump -i c0 --immediate-mode -U -s 0 -w "$out" 'tcp' 2>/dev/null & dump=$!
sleep 1
ip netns exec "$c" python3 - <<'PY'
import socket, threading, time
def fetch(host, n):
    s = socket.create_connection((host, 8080)); s.sendall(b'GET %d\n' % n)
    got = 0
    while True:
        d = s.recv(65536)
        if not d: break
        got += len(d)
    assert got == n, (got, n)
    s.close()
def upload(host, n):
    s = socket.create_connection((host, 8081)); s.sendall(bytes(n)); s.shutdown(socket.SHUT_WR)
    assert s.recv(16) == b'ok\n'; s.close()
fetch('10.9.2.2', 60000); time.sleep(0.3)
fetch('10.9.2.2', 150000); time.sleep(0.3)
fetch('fd09:2::2', 90000); time.sleep(0.3)
upload('10.9.2.2', 120000); time.sleep(0.3)
# The accepted connection: a listener on 7000, the server asked (over 8090) to connect to it.
l = socket.socket(); l.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1); l.bind(('10.9.1.2', 7000)); l.listen(1)
ctl = socket.create_connection(('10.9.2.2', 8090)); ctl.sendall(b'connect\n')
a, _ = l.accept()
got = 0
while True:
    d = a.recv(65536)
    if not d: break
    got += len(d)
assert got == 40000, got
a.close(); l.close()
assert ctl.recv(16) == b'done\n'; ctl.close(); time.sleep(0.3)
try:
    socket.create_connection(('10.9.2.2', 9), timeout=2)
except ConnectionRefusedError:
    pass
PY
sleep 2
kill "$dump"; wait "$dump" 2>/dev/null || true; dump=''
tcpdump -nn -r "$out" 2>/dev/null | wc -l | sed 's/^/packets: /'
