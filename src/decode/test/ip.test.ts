/** IPv4 and IPv6 decoding: options, fragments, lengths, checksums, the extension chain. */
import { describe, expect, it } from 'vitest';
import { LINKTYPE } from '../../capture/types.ts';
import { srcString } from '../addr.ts';
import {
  K_AH, KIND_NAMES, L4_AH, L4_ESP, L4_NONE, L4_SCTP, L4_TCP, L4_UDP, M_BAD_HEADER_LENGTH, M_BAD_LENGTH, M_BAD_TOTAL_LENGTH,
  M_NONE, M_TRUNCATED,
} from '../types.ts';
import { decode, hex, IP4, IP6, pathNames } from './hex.ts';

const raw = (b: Uint8Array): ReturnType<typeof decode> => decode(LINKTYPE.RAW, b);

describe('IPv4', () => {
  it('reads every header field', () => {
    // tos 0xb8, id 0xbeef, DF, ttl 3, a router-alert option (IHL 6), UDP.
    const f = raw(hex(`46 b8 00 20 be ef 40 00 03 11 00 00 c0 a8 01 01 08 08 08 08 94 04 00 00
                       00 35 d4 31 00 08 00 00`));
    const l = f.ip[0]!;
    expect([l.ihl, l.tos, l.totalLength, l.ident, l.flags, l.fragOffset, l.ttl, l.protocol, l.plength])
      .toEqual([24, 0xb8, 32, 0xbeef, 2, 0, 3, 17, 8]);
    expect(l.checksumValid).toBe(false); // checksum left 0
    expect([l.l4, l.udp.srcPort, l.udp.dstPort, l.udp.payloadLen]).toEqual([L4_UDP, 53, 54321, 0]);
  });

  it('verifies the header checksum', () => {
    expect(raw(IP4).ip[0]!.checksumValid).toBe(true);
    const bad = IP4.slice();
    bad[11] ^= 1;
    expect(raw(bad).ip[0]!.checksumValid).toBe(false);
  });

  it('a later fragment has no transport header; the first has one', () => {
    const later = hex('45 00 00 1c 00 07 00 b9 40 11 00 00 0a 00 00 01 0a 00 00 02  04 d2 16 2e 00 08 00 00');
    let l = raw(later).ip[0]!;
    expect([l.fragOffset, l.laterFragment, l.l4]).toEqual([185, true, L4_NONE]);
    // First fragment (MF): UDP length covers the whole datagram, which is fine here.
    const first = hex('45 00 00 1c 00 07 20 00 40 11 00 00 0a 00 00 01 0a 00 00 02  04 d2 16 2e 0b c0 00 00');
    const f = raw(first);
    l = f.ip[0]!;
    expect([l.flags, l.l4, l.udp.length, f.malReason]).toEqual([1, L4_UDP, 3008, M_NONE]);
  });

  it('IHL below 5 and total length below the header are malformed: no layer', () => {
    const b = IP4.slice();
    b[0] = 0x44;
    let f = raw(b);
    expect([f.ipCount, f.malReason]).toEqual([0, M_BAD_HEADER_LENGTH]);
    const c = IP4.slice();
    c[3] = 12;
    f = raw(c);
    expect([f.ipCount, f.malReason]).toEqual([0, M_BAD_TOTAL_LENGTH]);
  });

  it('total length 0 (segmentation offload) uses the captured length, as tshark does', () => {
    const b = IP4.slice();
    b[2] = 0; b[3] = 0;
    const l = raw(b).ip[0]!;
    expect([l.totalLength, l.plength, l.l4]).toEqual([0, 8, L4_UDP]);
  });

  it('the total length bounds the payload (Ethernet padding is not UDP payload)', () => {
    const padded = new Uint8Array(IP4.length + 10);
    padded.set(IP4);
    const f = raw(padded);
    expect([f.malReason, f.ip[0]!.upperCapLen]).toEqual([M_NONE, 8]);
  });

  it('a UDP length longer than the IP payload is malformed', () => {
    const b = IP4.slice();
    b[25] = 0x40;
    expect(raw(b).malReason).toBe(M_BAD_LENGTH);
  });

  it('TCP data offset below 5 is malformed; options cut by the capture are truncated', () => {
    const tcp = hex(`45 00 00 28 00 00 00 00 40 06 00 00 0a 00 00 01 0a 00 00 02
                     00 50 c3 50 00 00 00 01 00 00 00 00 40 02 ff ff 00 00 00 00`);
    const f = raw(tcp);
    expect([f.ip[0]!.l4, f.malReason]).toEqual([L4_TCP, M_BAD_HEADER_LENGTH]);
    tcp[32] = 0x60; // 24-byte header, only 20 captured
    const g = decode(LINKTYPE.RAW, tcp, { rec: { origLen: 44 } });
    expect(g.malReason).toBe(M_TRUNCATED);
  });

  it('SCTP ports, ESP SPI/sequence, AH then TCP', () => {
    let l = raw(hex('45 00 00 20 00 00 00 00 40 84 00 00 0a 00 00 01 0a 00 00 02  0b 59 0b 5a de ad be ef 00 00 00 00')).ip[0]!;
    expect([l.l4, l.sctp.srcPort, l.sctp.dstPort, l.sctp.vtag]).toEqual([L4_SCTP, 2905, 2906, 0xdeadbeef]);
    l = raw(hex('45 00 00 20 00 00 00 00 40 32 00 00 0a 00 00 01 0a 00 00 02  00 00 10 01 00 00 00 05 aa bb cc dd')).ip[0]!;
    expect([l.l4, l.esp.spi, l.esp.seq, l.esp.natt]).toEqual([L4_ESP, 0x1001, 5, false]);
    // AH (next header TCP, len 4 -> 24 bytes) then a 20-byte TCP header.
    const f = raw(hex(`45 00 00 40 00 00 00 00 40 33 00 00 0a 00 00 01 0a 00 00 02
                       06 04 00 00 00 00 20 01 00 00 00 03 00 00 00 00 00 00 00 00 00 00 00 00
                       00 05 00 06 00 00 00 00 00 00 00 00 50 02 ff ff 00 00 00 00`));
    l = f.ip[0]!;
    expect(pathNames(f, KIND_NAMES)).toEqual(['Raw', 'IPv4', 'AH', 'TCP']);
    expect([l.protocol, l.upper, l.ah.spi, l.ah.seq, l.l4, l.tcp.dstPort, l.tcp.payloadLen]).toEqual([51, 6, 0x2001, 3, L4_TCP, 6, 0]);
    expect(L4_AH).toBeGreaterThan(0);
  });
});

describe('IPv6', () => {
  it('reads the fixed header', () => {
    const b = IP6.slice();
    b[0] = 0x6b; b[1] = 0x81; b[2] = 0x23; b[3] = 0x45; // tclass 0xb8, flow 0x12345
    const l = raw(b).ip[0]!;
    expect([l.tclass, l.flow, l.plen, l.plength, l.nextHeader, l.hopLimit, l.upper, l.extCount]).toEqual([0xb8, 0x12345, 8, 8, 17, 64, 17, 0]);
  });

  it('walks hop-by-hop, routing, fragment (first) and destination options to UDP', () => {
    const f = raw(hex(`
      60 00 00 00 00 48 00 40  00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 01
      00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 02
      2b 00 01 04 00 00 00 00
      2c 02 00 01 00 00 00 00  20 01 0d b8 00 00 00 00 00 00 00 00 00 00 00 03
      3c 00 00 01 00 00 00 4d
      11 00 01 04 00 00 00 00
      04 d2 16 2e 00 08 00 00`));
    const l = f.ip[0]!;
    expect(pathNames(f, KIND_NAMES)).toEqual(['Raw', 'IPv6', 'IPv6 hop-by-hop', 'IPv6 routing', 'IPv6 fragment', 'IPv6 destination options', 'UDP']);
    expect([l.nextHeader, l.upper, l.extCount, l.extLen, l.hasFragHeader, l.fragId, l.fragMore, l.l4, l.udp.dstPort])
      .toEqual([0, 17, 4, 48, true, 77, true, L4_UDP, 5678]);
    expect(f.malReason).toBe(M_NONE);
  });

  it('a later fragment ends the chain with the fragment header\'s next header', () => {
    const l = raw(hex(`
      60 00 00 00 00 10 2c 40  00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 01
      00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 02
      06 00 05 01 00 00 00 4d  01 02 03 04 05 06 07 08`)).ip[0]!;
    expect([l.upper, l.fragOffset, l.laterFragment, l.l4]).toEqual([6, 160, true, L4_NONE]);
  });

  it('AH is walked as an extension header; ESP ends the chain', () => {
    const f = raw(hex(`
      60 00 00 00 00 20 33 40  00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 01
      00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 02
      32 04 00 00 00 00 20 02 00 00 00 09 00 00 00 00 00 00 00 00 00 00 00 00
      00 00 10 02 00 00 00 02`));
    const l = f.ip[0]!;
    expect(f.pathKind[2]).toBe(K_AH);
    expect([l.upper, l.ah.spi, l.ah.seq, l.l4, l.esp.spi, l.esp.seq]).toEqual([50, 0x2002, 9, L4_ESP, 0x1002, 2]);
  });

  it('an extension header cut by the capture is marked, the layer kept', () => {
    const b = hex(`
      60 00 00 00 00 10 00 40  00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 01
      00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 02  3c 00 00 00`);
    const f = decode(LINKTYPE.RAW, b, { rec: { origLen: 56 } });
    expect([f.ipCount, f.malReason, f.ip[0]!.upper, srcString(f, f.ip[0]!)]).toEqual([1, M_TRUNCATED, 60, '::1']);
  });
});
