/** Tunnels: each inner packet is a layer of its own, on its virtual interface. */
import { describe, expect, it } from 'vitest';
import {
  concat, eth, gre, ipv4, ipv6, natT, raw as rawUpper, udp, vxlan,
} from '../../../samples/gen/craft.ts';
import { LINKTYPE } from '../../capture/types.ts';
import { dstString, srcString } from '../addr.ts';
import { stackNames } from '../stack.ts';
import {
  KIND_NAMES, L4_GRE, L4_UDP, MAX_IP_LAYERS, M_NONE, M_TOO_DEEP, TUN_GENEVE, TUN_GRE, TUN_GTPU, TUN_IPIP, TUN_VXLAN,
} from '../types.ts';
import { decode, hex, IP4, IP6, pathNames } from './hex.ts';

const A = '02:00:00:00:00:0a';
const B = '02:00:00:00:00:0b';
const outer4 = (payload: Parameters<typeof ipv4>[1]): Uint8Array => ipv4({ src: '192.0.2.1', dst: '192.0.2.2' }, payload);

function layers(f: ReturnType<typeof decode>): string[] {
  const out: string[] = [];
  for (let i = 0; i < f.ipCount; i++) {
    const l = f.ip[i]!;
    out.push(`${l.depth} ${l.ifName} ${srcString(f, l)}>${dstString(f, l)}`);
  }
  return out;
}

describe('tunnels', () => {
  it('IPv4 and IPv6 in IPv4 (protocols 4 and 41) fire on ip.tun0', () => {
    let f = decode(LINKTYPE.RAW, outer4(IP4));
    expect(layers(f)).toEqual(['0 ip0 192.0.2.1>192.0.2.2', '1 ip.tun0 10.0.0.1>10.0.0.2']);
    expect(f.ip[1]!.tunnel).toBe(TUN_IPIP);
    f = decode(LINKTYPE.RAW, outer4(IP6));
    expect(layers(f)).toEqual(['0 ip0 192.0.2.1>192.0.2.2', '1 ip.tun0 ::1>::2']);
    f = decode(LINKTYPE.RAW, ipv6({ src: '2001:db8::a', dst: '2001:db8::b' }, IP4));
    expect(layers(f)[1]).toBe('1 ip.tun0 10.0.0.1>10.0.0.2');
  });

  it('GRE with checksum, key and sequence; the key is the tunnel key', () => {
    const f = decode(LINKTYPE.RAW, outer4(gre({ key: 42, seq: 7, checksum: true }, IP6)));
    expect(pathNames(f, KIND_NAMES)).toEqual(['Raw', 'IPv4', 'GRE', 'IPv6', 'UDP']);
    const [o, i] = [f.ip[0]!, f.ip[1]!];
    expect([o.l4, o.gre.hasChecksum, o.gre.hasKey, o.gre.key, o.gre.hasSeq, o.gre.seq, o.gre.protocol]).toEqual([L4_GRE, true, true, 42, true, 7, 0x86dd]);
    expect([i.ifName, i.tunnel, i.tunnelKey, i.depth]).toEqual(['gre0', TUN_GRE, 42, 1]);
  });

  it('GRE transparent Ethernet bridging (0x6558) through a VLAN', () => {
    const inner = eth(A, B, { etherType: 0x8100, bytes: concat(hex('00 1e 08 00'), IP4) });
    const f = decode(LINKTYPE.RAW, outer4(gre({ proto: 0x6558 }, inner)));
    expect(pathNames(f, KIND_NAMES)).toEqual(['Raw', 'IPv4', 'GRE', 'Ethernet', 'VLAN', 'IPv4', 'UDP']);
    expect(layers(f)[1]).toBe('1 gre0 10.0.0.1>10.0.0.2');
  });

  it('PPTP enhanced GRE (version 1) carrying PPP', () => {
    const ppp = concat(hex('ff 03 00 21'), IP4);
    const g = concat(hex(`30 01 88 0b`), Uint8Array.of(0, ppp.length), hex('00 07 00 00 00 01'), ppp);
    const f = decode(LINKTYPE.RAW, ipv4({ src: '192.0.2.1', dst: '192.0.2.2', proto: 47 }, rawUpper(47, g)));
    expect(layers(f)[1]).toBe('1 gre0 10.0.0.1>10.0.0.2');
  });

  it('VXLAN names the interface by VNI', () => {
    const f = decode(LINKTYPE.RAW, outer4(udp({ sport: 50000, dport: 4789, noChecksum: true }, vxlan({ vni: 42 }, eth(A, B, IP6)))));
    expect(pathNames(f, KIND_NAMES)).toEqual(['Raw', 'IPv4', 'UDP', 'VXLAN', 'Ethernet', 'IPv6', 'UDP']);
    expect(stackNames(f)).toEqual(['UDP', 'IPv6', 'Ethernet', 'VXLAN', 'UDP', 'IPv4', 'Raw']);
    expect([f.ip[1]!.ifName, f.ip[1]!.tunnel, f.ip[1]!.tunnelKey]).toEqual(['vxlan42', TUN_VXLAN, 42]);
    expect(f.ip[0]!.l4).toBe(L4_UDP);
  });

  it('GENEVE with options, Ethernet or IP payload', () => {
    const opts = hex('01 02 80 01 00 00 00 00');
    const gv = concat(hex('02 00 65 58 00 00 05 00'), opts, eth(A, B, IP4));
    let f = decode(LINKTYPE.RAW, outer4(udp({ sport: 50000, dport: 6081, noChecksum: true }, gv)));
    expect([f.ipCount, f.ip[1]!.ifName, f.ip[1]!.tunnel, f.ip[1]!.tunnelKey]).toEqual([2, 'geneve0', TUN_GENEVE, 5]);
    f = decode(LINKTYPE.RAW, outer4(udp({ sport: 50000, dport: 6081, noChecksum: true }, concat(hex('00 00 86 dd 00 00 06 00'), IP6))));
    expect(layers(f)[1]).toBe('1 geneve0 ::1>::2');
  });

  it('GTP-U G-PDU, with and without extension headers', () => {
    const plain = concat(hex('30 ff'), Uint8Array.of(0, IP4.length), hex('11 22 33 44'), IP4);
    let f = decode(LINKTYPE.RAW, outer4(udp({ sport: 2152, dport: 2152, noChecksum: true }, plain)));
    expect([f.ip[1]!.ifName, f.ip[1]!.tunnel, f.ip[1]!.tunnelKey]).toEqual(['gtp0', TUN_GTPU, 0x11223344]);
    const rest = concat(hex('00 00 00 85 01 00 01 00'), IP6);
    const ext = concat(hex('34 ff'), Uint8Array.of(0, rest.length), hex('00 00 00 55'), rest);
    f = decode(LINKTYPE.RAW, outer4(udp({ sport: 2152, dport: 2152, noChecksum: true }, ext)));
    expect(layers(f)[1]).toBe('1 gtp0 ::1>::2');
    expect(f.malReason).toBe(M_NONE);
  });

  it('NAT-T: ESP in UDP 4500, keepalive and the non-ESP marker', () => {
    let f = decode(LINKTYPE.RAW, outer4(natT({ spi: 0xc0ffee, seq: 3 }, new Uint8Array(16))));
    let l = f.ip[0]!;
    expect([l.l4, l.esp.natt, l.esp.spi, l.esp.seq]).toEqual([L4_UDP, true, 0xc0ffee, 3]);
    expect(pathNames(f, KIND_NAMES)).toEqual(['Raw', 'IPv4', 'UDP', 'ESP']);
    f = decode(LINKTYPE.RAW, outer4(udp({ sport: 4500, dport: 4500 }, Uint8Array.of(0xff))));
    l = f.ip[0]!;
    expect([l.esp.natt, pathNames(f, KIND_NAMES).at(-1)]).toEqual([false, 'NAT-T']);
    f = decode(LINKTYPE.RAW, outer4(udp({ sport: 4500, dport: 4500 }, new Uint8Array(12))));
    expect([f.ip[0]!.esp.natt, pathNames(f, KIND_NAMES).at(-1)]).toEqual([false, 'NAT-T']);
  });

  it('UDP tunnel ports: the lower port decides; a well-known lower port wins', () => {
    // DNS from port 4789: tshark would dissect DNS; so do we (no VXLAN).
    const f = decode(LINKTYPE.RAW, outer4(udp({ sport: 4789, dport: 53 }, vxlan({ vni: 1 }, eth(A, B, IP4)))));
    expect(f.ipCount).toBe(1);
  });

  it('nesting is bounded: deeper layers are cut and marked', () => {
    let p: Uint8Array = IP4;
    for (let i = 0; i < MAX_IP_LAYERS + 2; i++) p = ipv4({ src: `10.${i}.0.1`, dst: `10.${i}.0.2` }, p);
    const f = decode(LINKTYPE.RAW, p);
    expect([f.ipCount, f.malReason]).toEqual([MAX_IP_LAYERS, M_TOO_DEEP]);
  });
});

describe('more tunnels', () => {
  it('Teredo with an origin indication fires on teredo0', () => {
    const t = concat(hex('00 00 12 34 01 02 03 04'), IP6);
    const f = decode(LINKTYPE.RAW, outer4(udp({ sport: 50000, dport: 3544 }, t)));
    expect(layers(f)[1]).toBe('1 teredo0 ::1>::2');
  });

  it('L2TPv2 data carrying PPP fires on l2tp0; control messages carry nothing', () => {
    const ppp = concat(hex('ff 03 00 21'), IP4);
    let f = decode(LINKTYPE.RAW, outer4(udp({ sport: 1701, dport: 1701 }, concat(hex('00 02 00 07 00 09'), ppp))));
    expect(layers(f)[1]).toBe('1 l2tp0 10.0.0.1>10.0.0.2');
    f = decode(LINKTYPE.RAW, outer4(udp({ sport: 1701, dport: 1701 }, concat(hex('c8 02 00 20 00 07 00 09 00 00 00 00'), ppp))));
    expect(f.ipCount).toBe(1);
  });

  it('ERSPAN type II and III carry mirrored Ethernet on gre0', () => {
    let f = decode(LINKTYPE.RAW, outer4(gre({ proto: 0x88be, seq: 1 }, concat(hex('10 01 00 05 00 00 00 00'), eth(A, B, IP4)))));
    expect(layers(f)[1]).toBe('1 gre0 10.0.0.1>10.0.0.2');
    f = decode(LINKTYPE.RAW, outer4(gre({ proto: 0x22eb, seq: 1 }, concat(hex('20 01 00 05 00 00 00 00 00 00 00 00'), eth(A, B, IP6)))));
    expect(layers(f)[1]).toBe('1 gre0 ::1>::2');
  });
});
