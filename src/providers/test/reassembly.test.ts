/**
 * Fragments and the probes (README, "How packets become probe firings",
 * fragments): ip/ipvN send and receive per fragment as captured; read,
 * write, tcp and udp once per datagram on its reassembled bytes — after the
 * ip:::receive of the fragment completing it, before the ip:::send of the
 * first fragment in the capture; drop-in for what IP drops.
 */
import { describe, expect, it } from 'vitest';
import { eth, gre, ipv4, ipv4Fragments, ipv6Fragments, tcp, udp } from '../../../samples/gen/craft.ts';
import { lines, LOCAL_MAC, PEER_MAC, pcapng, type Pkt, trace } from './harness.ts';
import { IP_TRACE, PROTO_TRACE, TRANSPORT_TRACE } from './scripts.ts';

const A = '192.168.1.108', B = '192.168.1.109';
const A6 = 'fd00::108', B6 = 'fd00::109';
const data = (n: number): Uint8Array => Uint8Array.from({ length: n }, (_, i) => (i * 13 + 1) & 0xff);

const in4 = (o: { id?: number; n?: number; sport?: number } = {}) =>
  ipv4Fragments({ src: B, dst: A, id: o.id ?? 0x4242 }, udp({ sport: o.sport ?? 5000, dport: 6000 }, data(o.n ?? 3000)), 1480)
    .map((p) => eth(PEER_MAC, LOCAL_MAC, p));
const out4 = (o: { id?: number; n?: number } = {}) =>
  ipv4Fragments({ src: A, dst: B, id: o.id ?? 0x4343 }, udp({ sport: 6000, dport: 5000 }, data(o.n ?? 3000)), 1480)
    .map((p) => eth(LOCAL_MAC, PEER_MAC, p));
const in6 = () =>
  ipv6Fragments({ src: B6, dst: A6, id: 7 }, udp({ sport: 5000, dport: 6000 }, data(3000)), 1232)
    .map((p) => eth(PEER_MAC, LOCAL_MAC, p, 0x86dd));

const pk = (data: Uint8Array, dir: 'in' | 'out', ms: number): Pkt => ({ data, dir, t: BigInt(ms) * 1_000_000n });
const IO = IP_TRACE + TRANSPORT_TRACE;

describe('received fragments', () => {
  it('ip:::receive per fragment; one udp:::receive, with the whole datagram, after the last fragment', async () => {
    const fs = in4();
    const r = await trace(IO, [pcapng(fs.map((d, i) => pk(d, 'in', i + 1)))]);
    expect(lines(r.out)).toEqual([
      'ip:receive 192.168.1.109>192.168.1.108 1480 nge0 local=0',
      'ip:receive 192.168.1.109>192.168.1.108 1480 nge0 local=0',
      'ip:receive 192.168.1.109>192.168.1.108 48 nge0 local=0',
      'udp:receive 192.168.1.109:5000>192.168.1.108:6000 len=3008',
    ]);
    expect(r.msgs).toEqual([]);
  });

  it('out of order: on the fragment that completes it; ipv4:::read once, after it', async () => {
    const fs = in4();
    const r = await trace(IO + PROTO_TRACE.replace('ipv4:::', 'ipv4:::read').replace('ipv6:::', 'ipv6:::read'), [pcapng([pk(fs[2]!, 'in', 1), pk(fs[0]!, 'in', 2), pk(fs[1]!, 'in', 3)])]);
    expect(lines(r.out)).toEqual([
      'ip:receive 192.168.1.109>192.168.1.108 48 nge0 local=0',
      'ip:receive 192.168.1.109>192.168.1.108 1480 nge0 local=0',
      'ip:receive 192.168.1.109>192.168.1.108 1480 nge0 local=0',
      'ipv4:read 192.168.1.109>192.168.1.108 3008 nge0',
      'udp:receive 192.168.1.109:5000>192.168.1.108:6000 len=3008',
    ]);
  });

  it('IPv6: the same, with ip_plength the payload length of the whole (the fragment header gone)', async () => {
    const r = await trace(IO, [pcapng(in6().map((d, i) => pk(d, 'in', i + 1)))]);
    expect(lines(r.out)).toEqual([
      'ip:receive fd00::109>fd00::108 1240 nge0 local=0',
      'ip:receive fd00::109>fd00::108 1240 nge0 local=0',
      'ip:receive fd00::109>fd00::108 552 nge0 local=0',
      'udp:receive fd00::109:5000>fd00::108:6000 len=3008',
    ]);
  });

  it('raw pointers read the reassembled bytes: the UDP payload across fragments, bounded by the datagram', async () => {
    const fs = in4();
    const r = await trace(`udp:::receive {
      printf("%d %d %d %d\\n", args[2]->ip_plength, *((uint8_t *)args[4]->udp_hdr + 8),
        *((uint8_t *)args[4]->udp_hdr + 8 + 2000), *((uint8_t *)args[4]->udp_hdr + 8 + 2999));
    }
    udp:::receive {
      printf("%d\\n", *((uint8_t *)args[4]->udp_hdr + 3008));
    }
    ERROR { printf("error\\n"); }`, [pcapng(fs.map((d, i) => pk(d, 'in', i + 1)))]);
    const b = data(3000);
    expect(lines(r.out)).toEqual([`3008 ${b[0]} ${b[2000]} ${b[2999]}`, 'error']);
  });

  it('stack() of the datagram: its layers above the frame\'s below the fragment', async () => {
    const r = await trace('udp:::receive { stack(); }', [pcapng(in4().map((d, i) => pk(d, 'in', i + 1)))]);
    expect(r.out.split('\n').map((s) => s.trim()).filter((s) => s !== '')).toEqual(['UDP', 'IPv4', 'Ethernet']);
  });

  it('overlapping fragments: ipv4:::drop-in once, no udp:::receive; counted in the warnings', async () => {
    const fs = in4();
    const lap = fs[1]!.slice();
    // Move the middle fragment's offset 8 bytes back (into the first one) and fix the header checksum.
    const ip = lap.subarray(14);
    const w = ((ip[6]! << 8) | ip[7]!) - 1;
    ip[6] = w >> 8; ip[7] = w & 0xff;
    fixSum(ip);
    const r = await trace(IO + 'ipv4:::drop-in { printf("drop-in %d %d\\n", args[0]->pkt_addr, args[1]->ip_plength); }',
      [pcapng([pk(fs[0]!, 'in', 1), pk(lap, 'in', 2), pk(fs[2]!, 'in', 3)])]);
    expect(lines(r.out)).toEqual([
      'ip:receive 192.168.1.109>192.168.1.108 1480 nge0 local=0',
      'ip:receive 192.168.1.109>192.168.1.108 1480 nge0 local=0',
      'drop-in 2 1480',
      'ip:receive 192.168.1.109>192.168.1.108 48 nge0 local=0',
    ]);
    expect(r.msgs).toEqual([
      'warning: IP reassembly (0 datagrams reassembled):\n' +
      '  1 overlapping fragments: datagram discarded (ipvN:::drop-in) (frame 2)\n' +
      '  1 datagrams incomplete at the end of the capture (frame 3)',
    ]);
  });

  it('a duplicate fragment fires drop-in for itself; the datagram completes', async () => {
    const fs = in4();
    const r = await trace('ipv4:::drop-in { printf("drop-in %d\\n", args[0]->pkt_addr); } udp:::receive { printf("udp %d\\n", args[0]->pkt_addr); }',
      [pcapng([pk(fs[0]!, 'in', 1), pk(fs[0]!, 'in', 2), pk(fs[1]!, 'in', 3), pk(fs[2]!, 'in', 4)])]);
    expect(lines(r.out)).toEqual(['drop-in 2', 'udp 4']);
  });

  it('missing the last fragment: drop-in at 30 s after the first, with its arguments, between packets', async () => {
    const fs = in4();
    const later = eth(PEER_MAC, LOCAL_MAC, ipv4({ src: B, dst: A }, udp({ sport: 1, dport: 2 }, 'x')));
    const r = await trace(`
      BEGIN { tsb = timestamp; }
      ipv4:::drop-in { printf("drop-in %d %d %s %s %d\\n", (timestamp - tsb) / 1000000, args[0]->pkt_addr, args[1]->ip_saddr, args[2]->ill_name, args[1]->ip_plength); }
      udp:::receive { printf("udp %d %d\\n", (timestamp - tsb) / 1000000, args[0]->pkt_addr); }
      tick-10s { printf("tick %d\\n", (timestamp - tsb) / 1000000); }`,
    [pcapng([pk(fs[0]!, 'in', 1000), pk(fs[1]!, 'in', 5000), pk(later, 'in', 45000)])]);
    expect(lines(r.out)).toEqual([
      'tick 10000', 'tick 20000',
      'drop-in 30000 1 192.168.1.109 nge0 1480', // BEGIN is at the first packet (1 s): 30 s later (before a tick due then)
      'tick 30000',
      'tick 40000',
      'udp 44000 3',
    ]);
    expect(r.msgs).toEqual([
      'warning: IP reassembly (0 datagrams reassembled):\n  1 timed out after 30 s (ipvN:::drop-in) (frame 1)',
    ]);
  });

  it('incomplete at the end of the capture: no drop-in (the kernel\'s timer would fire later); counted', async () => {
    const fs = in4();
    const r = await trace('ipv4:::drop-in { printf("drop-in\\n"); }', [pcapng([pk(fs[0]!, 'in', 1), pk(fs[2]!, 'in', 2)])]);
    expect(lines(r.out)).toEqual([]);
    expect(r.msgs).toEqual(['warning: IP reassembly (0 datagrams reassembled):\n  1 datagrams incomplete at the end of the capture (frame 1)']);
  });

  it('forwarded fragments (not to a local address) are not reassembled', async () => {
    const fwd = ipv4Fragments({ src: '10.0.0.1', dst: '10.0.0.2', id: 1 }, udp({ sport: 1, dport: 2 }, data(3000)), 1480)
      .map((p) => eth(PEER_MAC, LOCAL_MAC, p));
    const r = await trace(IO, [pcapng(fwd.map((d, i) => ({ data: d, t: BigInt(i + 1) * 1_000_000n })))], { locals: [A] });
    expect(lines(r.out)).toEqual([
      'ip:receive 10.0.0.1>10.0.0.2 1480 nge0 local=0',
      'ip:receive 10.0.0.1>10.0.0.2 1480 nge0 local=0',
      'ip:receive 10.0.0.1>10.0.0.2 48 nge0 local=0',
    ]);
    expect(r.msgs).toEqual([]);
  });

  it('TCP segments in fragments: one tcp:::receive', async () => {
    const fs = ipv4Fragments({ src: B, dst: A, id: 9 }, tcp({ sport: 80, dport: 40000, seq: 100, ack: 1, flags: 'A' }, data(2000)), 1000)
      .map((p) => eth(PEER_MAC, LOCAL_MAC, p));
    const r = await trace('tcp:::receive { printf("%d %d %d\\n", args[0]->pkt_addr, args[2]->ip_plength, args[4]->tcp_seq); }',
      [pcapng(fs.map((d, i) => pk(d, 'in', i + 1)))]);
    expect(lines(r.out)).toEqual(['3 2020 100']);
  });

  it('a fragmented tunnel packet: the inner layer fires on its tunnel interface once the outer is whole', async () => {
    const inner = ipv4({ src: '10.2.0.1', dst: '10.1.0.1' }, udp({ sport: 53, dport: 5353 }, data(2000)));
    const fs = ipv4Fragments({ src: B, dst: A, id: 77 }, gre({}, inner), 1480).map((p) => eth(PEER_MAC, LOCAL_MAC, p));
    const r = await trace(IO + 'udp:::receive { stack(); }', [pcapng(fs.map((d, i) => pk(d, 'in', i + 1)))]);
    expect(lines(r.out).map((s) => s.trim()).filter((s) => s !== '')).toEqual([
      'ip:receive 192.168.1.109>192.168.1.108 1480 nge0 local=0',
      'ip:receive 192.168.1.109>192.168.1.108 552 nge0 local=0',
      'ip:receive 10.2.0.1>10.1.0.1 2008 gre0 local=0',
      'udp:receive 10.2.0.1:53>10.1.0.1:5353 len=2008',
      'UDP', 'IPv4', 'GRE', 'IPv4', 'Ethernet',
    ]);
  });
});

describe('sent fragments', () => {
  it('udp:::send and ipv4:::write once, before the first fragment\'s ip:::send, with the whole datagram', async () => {
    const r = await trace(IO + 'ipv4:::write { printf("write %d\\n", args[1]->ip_plength); }',
      [pcapng(out4().map((d, i) => pk(d, 'out', i + 1)))]);
    expect(lines(r.out)).toEqual([
      'udp:send 192.168.1.108:6000>192.168.1.109:5000 len=3008',
      'write 3008',
      'ip:send 192.168.1.108>192.168.1.109 1480 nge0 local=0',
      'ip:send 192.168.1.108>192.168.1.109 1480 nge0 local=0',
      'ip:send 192.168.1.108>192.168.1.109 48 nge0 local=0',
    ]);
  });

  it('sent last fragment first (as some stacks do): udp:::send still fires first, with its payload whole', async () => {
    const fs = out4();
    const other = eth(PEER_MAC, LOCAL_MAC, ipv4({ src: B, dst: A }, udp({ sport: 7, dport: 7 }, 'in between')));
    const r = await trace(IO + 'udp:::send { printf("%d %d\\n", args[0]->pkt_addr, *((uint8_t *)args[4]->udp_hdr + 8 + 2999)); }',
      [pcapng([pk(fs[2]!, 'out', 1), pk(other, 'in', 2), pk(fs[1]!, 'out', 3), pk(fs[0]!, 'out', 4)])]);
    expect(lines(r.out)).toEqual([
      'udp:send 192.168.1.108:6000>192.168.1.109:5000 len=3008',
      `1 ${data(3000)[2999]}`,
      'ip:send 192.168.1.108>192.168.1.109 48 nge0 local=0',
      'ip:receive 192.168.1.109>192.168.1.108 18 nge0 local=0',
      'udp:receive 192.168.1.109:7>192.168.1.108:7 len=18',
      'ip:send 192.168.1.108>192.168.1.109 1480 nge0 local=0',
      'ip:send 192.168.1.108>192.168.1.109 1480 nge0 local=0',
    ]);
  });

  it('a sent datagram the capture lost a fragment of: udp:::send from its first fragment alone, counted', async () => {
    const fs = out4();
    const r = await trace(IO, [pcapng([pk(fs[0]!, 'out', 1), pk(fs[2]!, 'out', 2)])]);
    expect(lines(r.out)).toEqual([
      'udp:send 192.168.1.108:6000>192.168.1.109:5000 len=3008',
      'ip:send 192.168.1.108>192.168.1.109 1480 nge0 local=0',
      'ip:send 192.168.1.108>192.168.1.109 48 nge0 local=0',
    ]);
    expect(r.msgs).toEqual([
      'warning: IP reassembly (0 datagrams reassembled):\n' +
      '  1 sent datagrams with fragments missing from the capture: tcp/udp:::send saw the first fragment alone (frame 1)',
    ]);
  });

  it('loopback: send path then receive path per fragment; one udp:::send first, one udp:::receive last', async () => {
    const fs = ipv4Fragments({ src: '127.0.0.1', dst: '127.0.0.1', id: 5 }, udp({ sport: 40000, dport: 9 }, data(3000)), 1480)
      .map((p) => eth('00:00:00:00:00:00', '00:00:00:00:00:00', p));
    const r = await trace(IO, [pcapng(fs.map((d, i) => ({ data: d, t: BigInt(i + 1) * 1_000_000n })), [{ name: 'lo' }])]);
    expect(lines(r.out)).toEqual([
      'udp:send 127.0.0.1:40000>127.0.0.1:9 len=3008',
      'ip:send 127.0.0.1>127.0.0.1 1480 lo local=1',
      'ip:receive 127.0.0.1>127.0.0.1 1480 lo local=1',
      'ip:send 127.0.0.1>127.0.0.1 1480 lo local=1',
      'ip:receive 127.0.0.1>127.0.0.1 1480 lo local=1',
      'ip:send 127.0.0.1>127.0.0.1 48 lo local=1',
      'ip:receive 127.0.0.1>127.0.0.1 48 lo local=1',
      'udp:receive 127.0.0.1:40000>127.0.0.1:9 len=3008',
    ]);
  });

  it('ticks between held frames still fire in time order', async () => {
    const fs = out4();
    const r = await trace('ip:::send { printf("send %d\\n", args[0]->pkt_addr); } udp:::send { printf("udp\\n"); } tick-1s { printf("tick\\n"); }',
      [pcapng([pk(fs[0]!, 'out', 500), pk(fs[1]!, 'out', 1500), pk(fs[2]!, 'out', 2500)])]);
    expect(lines(r.out)).toEqual(['udp', 'send 1', 'tick', 'send 2', 'tick', 'send 3']);
  });
});

function fixSum(ip: Uint8Array): void {
  ip[10] = 0; ip[11] = 0;
  let s = 0;
  for (let i = 0; i < 20; i += 2) s += (ip[i]! << 8) | ip[i + 1]!;
  while (s > 0xffff) s = (s & 0xffff) + (s >>> 16);
  s = ~s & 0xffff;
  ip[10] = s >> 8; ip[11] = s & 0xff;
}
