/**
 * Packets captured with tcpdump on the loopback interface
 * (test/fixtures/real/lo-mixed.pcap), with the values tshark 4.0 prints for
 * them as the expectations.
 */
import { describe, expect, it } from 'vitest';
import { LINKTYPE } from '../../capture/types.ts';
import { dstString, srcString } from '../addr.ts';
import { tcpOptions } from '../transport/tcp.ts';
import { KIND_NAMES, L4_ICMP, L4_ICMPV6, L4_TCP, M_NONE } from '../types.ts';
import { decode, hex, pathNames } from './hex.ts';

// Frame 35: IPv4 TCP SYN 127.0.0.1:46626 -> 127.0.0.1:1 with MSS, SACK-permitted, timestamps, wscale.
const SYN4 = hex(`
  0000  00 00 00 00 00 00 00 00 00 00 00 00 08 00 45 00
  0010  00 3c a8 1a 40 00 40 06 94 9f 7f 00 00 01 7f 00
  0020  00 01 b6 22 00 01 70 ee 92 6b 00 00 00 00 a0 02
  0030  ff d7 fe 30 00 00 02 04 ff d7 04 02 08 0a 73 5b
  0040  3f ac 00 00 00 00 01 03 03 0a
`);

// Frame 37: IPv6 TCP SYN [::1]:48714 -> [::1]:1, flow label 0x7d115.
const SYN6 = hex(`
  0000  00 00 00 00 00 00 00 00 00 00 00 00 86 dd 60 07
  0010  d1 15 00 28 06 40 00 00 00 00 00 00 00 00 00 00
  0020  00 00 00 00 00 01 00 00 00 00 00 00 00 00 00 00
  0030  00 00 00 00 00 01 be 4a 00 01 50 59 b8 18 00 00
  0040  00 00 a0 02 ff c4 00 30 00 00 02 04 ff c4 04 02
  0050  08 0a 95 0e af 3d 00 00 00 00 01 03 03 0a
`);

// Frame 16: ICMP port unreachable quoting the UDP datagram 127.0.0.1:43903 -> 127.0.0.1:9.
const UNREACH4 = hex(`
  0000  00 00 00 00 00 00 00 00 00 00 00 00 08 00 45 c0
  0010  00 4b 59 62 00 00 40 01 22 8e 7f 00 00 01 7f 00
  0020  00 01 03 03 c6 3e 00 00 00 00 45 00 00 2f 0f 87
  0030  40 00 40 11 2d 35 7f 00 00 01 7f 00 00 01 ab 7f
  0040  00 09 00 1b fe 2e 6e 6f 62 6f 64 79 20 6c 69 73
  0050  74 65 6e 73 20 68 65 72 65
`);

// Frame 18: ICMPv6 port unreachable quoting [::1]:36056 -> [::1]:9.
const UNREACH6 = hex(`
  0000  00 00 00 00 00 00 00 00 00 00 00 00 86 dd 60 0e
  0010  3c 27 00 4b 3a 40 00 00 00 00 00 00 00 00 00 00
  0020  00 00 00 00 00 01 00 00 00 00 00 00 00 00 00 00
  0030  00 00 00 00 00 01 01 04 30 c8 00 00 00 00 60 05
  0040  42 34 00 1b 11 40 00 00 00 00 00 00 00 00 00 00
  0050  00 00 00 00 00 01 00 00 00 00 00 00 00 00 00 00
  0060  00 00 00 00 00 01 8c d8 00 09 00 1b 00 2e 6e 6f
  0070  62 6f 64 79 20 6c 69 73 74 65 6e 73 20 68 65 72
  0080  65
`);

describe('real loopback packets', () => {
  it('IPv4 TCP SYN with options', () => {
    const f = decode(LINKTYPE.ETHERNET, SYN4);
    expect(f.malReason).toBe(M_NONE);
    expect(pathNames(f, KIND_NAMES)).toEqual(['Ethernet', 'IPv4', 'TCP']);
    expect(f.ipCount).toBe(1);
    const l = f.ip[0]!;
    expect([l.version, srcString(f, l), dstString(f, l), l.plength, l.ttl, l.protocol, l.ident, l.flags, l.fragOffset])
      .toEqual([4, '127.0.0.1', '127.0.0.1', 40, 64, 6, 0xa81a, 2, 0]);
    expect(l.checksum).toBe(0x949f);
    expect(l.checksumValid).toBe(true);
    expect(l.l4).toBe(L4_TCP);
    const t = tcpOptions(l.tcp, f.buf);
    expect([t.srcPort, t.dstPort, t.seq, t.ack, t.flags, t.window, t.hdrLen, t.payloadLen]).toEqual([46626, 1, 1894683243, 0, 0x02, 65495, 40, 0]);
    expect([t.mss, t.wscale, t.sackPermitted, t.hasTimestamp, t.tsVal, t.tsEcr]).toEqual([65495, 10, true, true, 1935359916, 0]);
  });

  it('IPv6 TCP SYN with options', () => {
    const f = decode(LINKTYPE.ETHERNET, SYN6);
    expect(f.malReason).toBe(M_NONE);
    const l = f.ip[0]!;
    expect([l.version, srcString(f, l), dstString(f, l), l.plength, l.hopLimit, l.upper, l.tclass, l.flow])
      .toEqual([6, '::1', '::1', 40, 64, 6, 0, 0x7d115]);
    const t = tcpOptions(l.tcp, f.buf);
    expect([t.srcPort, t.dstPort, t.seq, t.mss, t.wscale, t.tsVal]).toEqual([48714, 1, 1348057112, 65476, 10, 2500767549]);
  });

  it('ICMP error: the quoted header is part of the message, not a layer', () => {
    const f = decode(LINKTYPE.ETHERNET, UNREACH4);
    expect(f.ipCount).toBe(1);
    const l = f.ip[0]!;
    expect(l.l4).toBe(L4_ICMP);
    expect([l.icmp.type, l.icmp.code, l.tos]).toEqual([3, 3, 0xc0]);
    const q = l.icmp.quoted;
    expect([q.present, q.version, q.protocol, q.srcPort, q.dstPort]).toEqual([true, 4, 17, 43903, 9]);
    expect(pathNames(f, KIND_NAMES)).toEqual(['Ethernet', 'IPv4', 'ICMP']);
  });

  it('ICMPv6 error quoting an IPv6 UDP datagram', () => {
    const f = decode(LINKTYPE.ETHERNET, UNREACH6);
    expect(f.ipCount).toBe(1);
    const l = f.ip[0]!;
    expect(l.l4).toBe(L4_ICMPV6);
    expect([l.icmp.type, l.icmp.code, l.plength, l.flow]).toEqual([1, 4, 75, 0xe3c27]);
    const q = l.icmp.quoted;
    expect([q.present, q.version, q.protocol, q.srcPort, q.dstPort]).toEqual([true, 6, 17, 36056, 9]);
  });
});
