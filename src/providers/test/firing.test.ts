/**
 * The firing rules (README, "How packets become probe firings"), each on a
 * crafted capture. Expected sequences follow the Prototype #2 transcripts
 * (seed 001) and the illumos probe sites.
 */
import { describe, expect, it } from 'vitest';
import { eth, gre, icmpEcho, ipv4, ipv6, tcp, udp } from '../../../samples/gen/craft.ts';
import { LINKTYPE } from '../../capture/types.ts';
import { lines, LOCAL_MAC, PEER_MAC, pcapng, trace } from './harness.ts';
import { IP_TRACE, PROTO_TRACE, TRANSPORT_TRACE } from './scripts.ts';

const A = '192.168.1.108', B = '192.168.1.109';
const out4 = (o: Parameters<typeof ipv4>[0] = { src: A, dst: B }) => eth(LOCAL_MAC, PEER_MAC, ipv4(o, icmpEcho({ id: 1, seq: 1 }, 'x'.repeat(56))));
const in4 = (o: Parameters<typeof ipv4>[0] = { src: B, dst: A }) => eth(PEER_MAC, LOCAL_MAC, ipv4(o, icmpEcho({ reply: true, id: 1, seq: 1 }, 'x'.repeat(56))));

describe('ip:::send / ip:::receive', () => {
  it('fire once per frame in the direction the capture states (epb_flags)', async () => {
    const cap = pcapng([{ data: out4(), dir: 'out' }, { data: in4(), dir: 'in' }]);
    const r = await trace(IP_TRACE, [cap]);
    expect(lines(r.out)).toEqual([
      'ip:send 192.168.1.108>192.168.1.109 64 nge0 local=0',
      'ip:receive 192.168.1.109>192.168.1.108 64 nge0 local=0',
    ]);
    expect(r.msgs.filter((m) => m.includes('inferred'))).toEqual([]);
  });

  it('use --local when the capture does not say, and fire receive for forwarded frames', async () => {
    const fwd = eth(PEER_MAC, LOCAL_MAC, ipv4({ src: '10.0.0.1', dst: '10.0.0.2' }, udp({ sport: 1, dport: 2 }, 'abc')));
    const cap = pcapng([{ data: out4() }, { data: in4() }, { data: fwd }]);
    const r = await trace(IP_TRACE + TRANSPORT_TRACE, [cap], { locals: [A] });
    expect(lines(r.out)).toEqual([
      'ip:send 192.168.1.108>192.168.1.109 64 nge0 local=0',
      'ip:receive 192.168.1.109>192.168.1.108 64 nge0 local=0',
      'ip:receive 10.0.0.1>10.0.0.2 11 nge0 local=0', // forwarded: no udp:::receive
    ]);
  });

  it('infer the local host from the Ethernet address in most frames and say so', async () => {
    const other = eth('00:11:22:33:44:55', LOCAL_MAC, ipv4({ src: '8.8.8.8', dst: A }, udp({ sport: 53, dport: 5353 }, 'r')));
    const cap = pcapng([{ data: in4() }, { data: out4() }, { data: other }]);
    const r = await trace(IP_TRACE, [cap]);
    expect(lines(r.out)).toEqual([
      'ip:receive 192.168.1.109>192.168.1.108 64 nge0 local=0',
      'ip:send 192.168.1.108>192.168.1.109 64 nge0 local=0',
      'ip:receive 8.8.8.8>192.168.1.108 9 nge0 local=0',
    ]);
    expect(r.msgs.filter((m) => m.startsWith('info: local host inferred'))).toEqual([
      'info: local host inferred from the capture: Ethernet 00:e0:81:5e:83:08 (192.168.1.108), in 3 of 3 frames; use --local to override',
    ]);
  });

  it('with an inferred Ethernet address, frames between other stations are received, never delivered', async () => {
    const promisc = eth('00:11:22:33:44:55', '00:66:77:88:99:aa', ipv4({ src: '192.168.1.7', dst: '192.168.1.9' }, udp({ sport: 9, dport: 9 }, 'p')));
    const dns = eth('00:0f:b5:1a:2b:01', LOCAL_MAC, ipv4({ src: '8.8.8.8', dst: A }, udp({ sport: 53, dport: 5353 }, 'r')));
    const cap = pcapng([{ data: in4() }, { data: out4() }, { data: dns }, { data: promisc }]);
    const r = await trace(IP_TRACE + PROTO_TRACE + TRANSPORT_TRACE, [cap]);
    expect(lines(r.out).slice(-2)).toEqual([
      'ip:receive 192.168.1.7>192.168.1.9 9 nge0 local=0',
      'ipv4:receive 192.168.1.7>192.168.1.9 9 nge0',
    ]);
  });

  it('take the direction from the Linux cooked header (SLL packet type 4 = outgoing)', async () => {
    const sll = (type: number, ip: Uint8Array) => new Uint8Array([0, type, 0, 1, 0, 6, 0, 0xe0, 0x81, 0x5e, 0x83, 0x08, 0, 0, 0x08, 0x00, ...ip]);
    const o = ipv4({ src: A, dst: B }, udp({ sport: 1, dport: 2 }, 'o'));
    const i = ipv4({ src: B, dst: A }, udp({ sport: 2, dport: 1 }, 'i'));
    const r = await trace(IP_TRACE, [pcapng([{ data: sll(4, o) }, { data: sll(0, i) }], [{ name: 'any', link: LINKTYPE.LINUX_SLL }])]);
    expect(lines(r.out)).toEqual([
      'ip:send 192.168.1.108>192.168.1.109 9 any local=0',
      'ip:receive 192.168.1.109>192.168.1.108 9 any local=0',
    ]);
  });

  it('without Ethernet, infer the local host from the IP address in most frames', async () => {
    const raw = (src: string, dst: string) => ipv4({ src, dst }, udp({ sport: 1, dport: 2 }, 'x'));
    const cap = pcapng([{ data: raw('10.0.0.5', '1.1.1.1') }, { data: raw('9.9.9.9', '10.0.0.5') }, { data: raw('10.0.0.5', '8.8.4.4') }],
      [{ name: 'ppp0', link: LINKTYPE.RAW }]);
    const r = await trace('ip:::send, ip:::receive { printf("%s %s\\n", probename, args[2]->ip_saddr); }', [cap]);
    expect(lines(r.out)).toEqual(['send 10.0.0.5', 'receive 9.9.9.9', 'send 10.0.0.5']);
    expect(r.msgs).toContain('info: local host inferred from the capture: 10.0.0.5, in 3 of 3 frames; use --local to override');
  });

  it('count an address once per frame when inferring, even in a frame from a host to itself', async () => {
    const raw = (src: string, dst: string) => ipv4({ src, dst }, udp({ sport: 1, dport: 2 }, 'x'));
    const r = await trace('ip:::send { }', [pcapng([{ data: raw('10.0.0.5', '10.0.0.5') }], [{ name: 'ppp0', link: LINKTYPE.RAW }])]);
    expect(r.msgs).toContain('info: local host inferred from the capture: 10.0.0.5, in 1 of 1 frames; use --local to override');
  });

  it('fire the inner (tunnel) layer before the outer one on send, after it on receive', async () => {
    const inner = ipv4({ src: '10.1.0.1', dst: '10.2.0.1' }, tcp({ sport: 1000, dport: 22, seq: 1, ack: 1, flags: 'A' }));
    const outS = eth(LOCAL_MAC, PEER_MAC, ipv4({ src: A, dst: B }, gre({}, inner)));
    const innerR = ipv4({ src: '10.2.0.1', dst: '10.1.0.1' }, tcp({ sport: 22, dport: 1000, seq: 1, ack: 1, flags: 'A' }));
    const inR = eth(PEER_MAC, LOCAL_MAC, ipv4({ src: B, dst: A }, gre({}, innerR)));
    const r = await trace(IP_TRACE, [pcapng([{ data: outS, dir: 'out' }, { data: inR, dir: 'in' }])]);
    expect(lines(r.out)).toEqual([
      'ip:send 10.1.0.1>10.2.0.1 20 gre0 local=0',
      'ip:send 192.168.1.108>192.168.1.109 44 nge0 local=0',
      'ip:receive 192.168.1.109>192.168.1.108 44 nge0 local=0',
      'ip:receive 10.2.0.1>10.1.0.1 20 gre0 local=0',
    ]);
  });

  it('fire send then receive for loopback frames, with if_local set', async () => {
    const lo = ipv4({ src: '127.0.0.1', dst: '127.0.0.1' }, udp({ sport: 40000, dport: 53 }, 'q'));
    const null4 = new Uint8Array([2, 0, 0, 0, ...lo]); // DLT_NULL, AF_INET little-endian
    const r = await trace(IP_TRACE + PROTO_TRACE, [pcapng([{ data: null4 }], [{ name: 'lo0', link: LINKTYPE.NULL }])]);
    expect(lines(r.out)).toEqual([
      'ipv4:write 127.0.0.1>127.0.0.1 9 lo0',
      'ip:send 127.0.0.1>127.0.0.1 9 lo0 local=1',
      'ipv4:local-send 127.0.0.1>127.0.0.1 9 lo0',
      'ip:receive 127.0.0.1>127.0.0.1 9 lo0 local=1',
      'ipv4:local-receive 127.0.0.1>127.0.0.1 9 lo0',
      'ipv4:read 127.0.0.1>127.0.0.1 9 lo0',
    ]);
  });
});

describe('ipv4/ipv6 prototype probes', () => {
  it('write before send, read after receive (ipio03.d order)', async () => {
    const r = await trace(PROTO_TRACE, [pcapng([{ data: out4(), dir: 'out' }, { data: in4(), dir: 'in' }])]);
    expect(lines(r.out)).toEqual([
      'ipv4:write 192.168.1.108>192.168.1.109 64 nge0',
      'ipv4:send 192.168.1.108>192.168.1.109 64 nge0',
      'ipv4:receive 192.168.1.109>192.168.1.108 64 nge0',
      'ipv4:read 192.168.1.109>192.168.1.108 64 nge0',
    ]);
  });

  it('drop-in for a bad header checksum or an IP length past the frame; no receive, no read', async () => {
    const bad = in4({ src: B, dst: A, badChecksum: true });
    const long = in4({ src: B, dst: A, totalLength: 200 });
    const r = await trace(IP_TRACE + PROTO_TRACE, [pcapng([{ data: bad, dir: 'in' }, { data: long, dir: 'in' }])]);
    expect(lines(r.out)).toEqual([
      'ipv4:drop-in 192.168.1.109>192.168.1.108 64 nge0',
      'ipv4:drop-in 192.168.1.109>192.168.1.108 180 nge0',
    ]);
  });

  it('drop-in for a bad header length (no decodable layer)', async () => {
    const pkt = in4();
    pkt[14] = 0x44; // IHL 4 (16 bytes): IP rejects it
    const r = await trace(PROTO_TRACE + 'ipv4:::drop-in { printf("ver=%d\\n", args[3]->ipv4_ver); }', [pcapng([{ data: pkt, dir: 'in' }])]);
    expect(lines(r.out)).toEqual(['ipv4:drop-in 192.168.1.109>192.168.1.108 68 nge0', 'ver=4']);
  });

  it('drop-out instead of send when the capture flags a link-layer error', async () => {
    const r = await trace(IP_TRACE + PROTO_TRACE, [pcapng([{ data: out4(), dir: 'out', flags: 0x01000000 }])]);
    expect(lines(r.out)).toEqual([
      'ipv4:write 192.168.1.108>192.168.1.109 64 nge0',
      'ipv4:drop-out 192.168.1.108>192.168.1.109 64 nge0',
    ]);
  });

  it('ipv6 probes and arguments', async () => {
    const p = eth(LOCAL_MAC, PEER_MAC, ipv6({ src: 'fe80::2e0:81ff:fe5e:8308', dst: 'fe80::214:4fff:fe3b:76c8', tclass: 0x28, flow: 0x12345 },
      tcp({ sport: 46004, dport: 22, seq: 5, ack: 7, flags: 'A' })));
    const r = await trace(PROTO_TRACE + `ipv6:::send { printf("%d %d %d %s %d %d %s\\n", args[3]->ipv6_ver, args[3]->ipv6_tclass,
      args[3]->ipv6_flow, args[3]->ipv6_nextstr, args[3]->ipv6_next, args[3]->ipv6_hlim, args[3]->ipv6_daddr); }`,
    [pcapng([{ data: p, dir: 'out' }])]);
    expect(lines(r.out)).toEqual([
      'ipv6:write fe80::2e0:81ff:fe5e:8308>fe80::214:4fff:fe3b:76c8 20 nge0',
      'ipv6:send fe80::2e0:81ff:fe5e:8308>fe80::214:4fff:fe3b:76c8 20 nge0',
      `6 40 74565 TCP 6 64 fe80::214:4fff:fe3b:76c8`,
    ]);
  });
});

describe('arguments and context', () => {
  it('ipv4info_t as ip.d.in translates it, and raw header pointers read the packet', async () => {
    const p = out4({ src: A, dst: B, id: 0x1234, df: true, ttl: 60, tos: 0x10 });
    const r = await trace(`ip:::send {
      printf("%d %d %d %d %x %d %d %d %d %s %x\\n", args[4]->ipv4_ver, args[4]->ipv4_ihl, args[4]->ipv4_tos,
        args[4]->ipv4_length, args[4]->ipv4_ident, args[4]->ipv4_flags, args[4]->ipv4_offset, args[4]->ipv4_ttl,
        args[4]->ipv4_protocol, args[4]->ipv4_protostr, args[4]->ipv4_src);
      printf("%s %s %d %d\\n", args[4]->ipv4_saddr, args[4]->ipv4_daddr, args[5] == NULL, args[0]->pkt_addr);
      printf("%x %x\\n", *(uint32_t *)((char *)args[4]->ipv4_hdr + 0xc), ntohl(*(uint32_t *)((char *)args[4]->ipv4_hdr + 0x10)));
    }`, [pcapng([{ data: out4({ src: A, dst: B }), dir: 'out' }, { data: p, dir: 'out' }])]);
    const l = lines(r.out);
    expect(l[3]).toBe('4 20 16 84 1234 4 0 60 1 ICMP 6c01a8c0');
    expect(l[4]).toBe('192.168.1.108 192.168.1.109 1 2');
    expect(l[5]).toBe('6c01a8c0 c0a8016d');
  });

  it('execname/pid from Darwin process information, "" and 0 otherwise; cpu from epb_queue', async () => {
    const cap = pcapng([
      { data: out4(), dir: 'out', extra: [{ code: 0x8001, u32: 0 }, { code: 0x8003, u32: 0 }], queue: 3 },
      { data: out4(), dir: 'out' },
    ], [{ name: 'en0' }], [{ pid: 1075, name: 'ssh' }]);
    const r = await trace('ip:::send { printf("[%s] %d %d %d\\n", execname, pid, args[1]->cs_pid, cpu); }', [cap]);
    expect(lines(r.out)).toEqual(['[ssh] 1075 1075 3', '[] 0 0 0']);
  });

  it('tid and cs_cid: one per flow, the same in both directions', async () => {
    const s = (sp: number, dp: number, src = A, dst = B) => eth(LOCAL_MAC, PEER_MAC, ipv4({ src, dst }, udp({ sport: sp, dport: dp }, 'x')));
    const cap = pcapng([{ data: s(1000, 53), dir: 'out' }, { data: s(53, 1000, B, A), dir: 'in' }, { data: s(1001, 53), dir: 'out' }]);
    const r = await trace('ip:::send, ip:::receive { printf("%d %d\\n", tid, args[1]->cs_cid); }', [cap]);
    const l = lines(r.out);
    expect(l[0]).toBe(l[1]);
    expect(l[2]).not.toBe(l[0]);
  });

  it('self-> variables follow the flow', async () => {
    const cap = pcapng([{ data: out4(), dir: 'out' }, { data: in4(), dir: 'in' }]);
    const r = await trace('ip:::send { self->n = 7; } ip:::receive { printf("%d\\n", self->n); }', [cap]);
    expect(lines(r.out)).toEqual(['7']);
  });

  it('stack() is the layer path, innermost first', async () => {
    const r = await trace('ip:::send { stack(); }', [pcapng([{ data: out4(), dir: 'out' }])]);
    expect(r.out.split('\n').map((s) => s.trim()).filter((s) => s !== '')).toEqual(['ICMP', 'IPv4', 'Ethernet']);
  });

  it('timestamp counts from the capture start at BEGIN; walltimestamp is the packet time', async () => {
    const cap = pcapng([{ data: out4(), dir: 'out', t: 5_000_000n }, { data: out4(), dir: 'out', t: 5_250_123n }]);
    const r = await trace(`BEGIN { t = timestamp; } ip:::send { printf("%d %d\\n", timestamp - t, walltimestamp); }`, [cap]);
    expect(lines(r.out)).toEqual(['0 1214000000005000000', '250123 1214000000005250123']);
  });

  it('tick-N fires on the capture clock between packets', async () => {
    const cap = pcapng([{ data: out4(), dir: 'out', t: 0n }, { data: out4(), dir: 'out', t: 2_500_000_000n }, { data: out4(), dir: 'out', t: 2_600_000_000n }]);
    const r = await trace(`BEGIN { t = timestamp; } ip:::send { printf("pkt %d\\n", (timestamp - t) / 1000000); }
      tick-1sec { printf("tick %d\\n", (timestamp - t) / 1000000); }`, [cap]);
    expect(lines(r.out)).toEqual(['pkt 0', 'tick 1000', 'tick 2000', 'pkt 2500', 'pkt 2600']);
  });

  it('exit() stops reading', async () => {
    const cap = pcapng([{ data: out4(), dir: 'out' }, { data: out4(), dir: 'out' }, { data: out4(), dir: 'out' }]);
    const r = await trace('ip:::send { printf("%d\\n", args[0]->pkt_addr); exit(3); } END { printf("end\\n"); }', [cap]);
    expect(lines(r.out)).toEqual(['1', 'end']);
    expect(r.status).toBe(3);
  });

  it('merges several captures by time', async () => {
    const a = pcapng([{ data: out4(), dir: 'out', t: 1n }, { data: out4(), dir: 'out', t: 30n }]);
    const b = pcapng([{ data: in4(), dir: 'in', t: 20n }]);
    const r = await trace('ip:::send, ip:::receive { printf("%s\\n", probename); }', [a, b]);
    expect(lines(r.out)).toEqual(['send', 'receive', 'send']);
  });
});

describe('udp:::', () => {
  it('send before ip:::send, receive after ip:::receive, with udpsinfo from the local side', async () => {
    const q = eth(LOCAL_MAC, PEER_MAC, ipv4({ src: A, dst: '192.168.1.5' }, udp({ sport: 40000, dport: 53 }, 'q'.repeat(45))));
    const a = eth(PEER_MAC, LOCAL_MAC, ipv4({ src: '192.168.1.5', dst: A }, udp({ sport: 53, dport: 40000 }, 'a'.repeat(97))));
    const r = await trace(IP_TRACE + TRANSPORT_TRACE + 'udp::: { printf("%s:%d %s:%d\\n", args[3]->udps_laddr, args[3]->udps_lport, args[3]->udps_raddr, args[3]->udps_rport); }',
      [pcapng([{ data: q, dir: 'out' }, { data: a, dir: 'in' }])]);
    expect(lines(r.out)).toEqual([
      'udp:send 192.168.1.108:40000>192.168.1.5:53 len=53',
      '192.168.1.108:40000 192.168.1.5:53',
      'ip:send 192.168.1.108>192.168.1.5 53 nge0 local=0',
      'ip:receive 192.168.1.5>192.168.1.108 105 nge0 local=0',
      'udp:receive 192.168.1.5:53>192.168.1.108:40000 len=105',
      '192.168.1.108:40000 192.168.1.5:53',
    ]);
  });
});
