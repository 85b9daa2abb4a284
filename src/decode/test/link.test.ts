/** Link-layer decoders: every link type and Ethernet encapsulation, as hex dumps. */
import { describe, expect, it } from 'vitest';
import { LINKTYPE } from '../../capture/types.ts';
import { srcString } from '../addr.ts';
import { DIR_IN, DIR_OUT, DIR_UNKNOWN, KIND_NAMES, M_BAD_VERSION, M_NONE, M_TRUNCATED } from '../types.ts';
import { decode, hex, IP4, IP6, pathNames } from './hex.ts';

const MACS = hex('02 00 00 00 00 0b 02 00 00 00 00 0a');

function cat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) { out.set(p, o); o += p.length; }
  return out;
}

function one(f: ReturnType<typeof decode>): string {
  expect(f.ipCount).toBe(1);
  return srcString(f, f.ip[0]!);
}

describe('Ethernet', () => {
  it('Ethernet II carrying IPv4', () => {
    const f = decode(LINKTYPE.ETHERNET, cat(MACS, hex('08 00'), IP4));
    expect(pathNames(f, KIND_NAMES)).toEqual(['Ethernet', 'IPv4', 'UDP']);
    expect(one(f)).toBe('10.0.0.1');
    expect(f.ip[0]!.checksumValid).toBe(true);
    expect(f.ethDstOff).toBe(f.start);
    expect(f.ethSrcOff).toBe(f.start + 6);
  });

  it('802.3 length + LLC/SNAP carrying IPv6; the length bounds the payload', () => {
    const llc = cat(hex('aa aa 03 00 00 00 86 dd'), IP6);
    const f = decode(LINKTYPE.ETHERNET, cat(MACS, hex('00 38'), llc, hex('00 00 00 00'))); // 4 bytes of trailer
    expect(pathNames(f, KIND_NAMES)).toEqual(['Ethernet', 'LLC', 'SNAP', 'IPv6', 'UDP']);
    expect(one(f)).toBe('::1');
    expect(f.malReason).toBe(M_NONE);
  });

  it('802.1Q, 802.1ad and 0x9100 stacks', () => {
    let f = decode(LINKTYPE.ETHERNET, cat(MACS, hex('81 00 20 64 08 00'), IP4));
    expect(pathNames(f, KIND_NAMES)).toEqual(['Ethernet', 'VLAN', 'IPv4', 'UDP']);
    expect(f.vlan).toBe(100);
    f = decode(LINKTYPE.ETHERNET, cat(MACS, hex('88 a8 00 0a 81 00 00 c8 86 dd'), IP6));
    expect(pathNames(f, KIND_NAMES)).toEqual(['Ethernet', '802.1ad', 'VLAN', 'IPv6', 'UDP']);
    expect(f.vlan).toBe(200);
    f = decode(LINKTYPE.ETHERNET, cat(MACS, hex('91 00 00 0b 81 00 00 c9 08 00'), IP4));
    expect(one(f)).toBe('10.0.0.1');
  });

  it('MPLS label stack: payload chosen by the first nibble after bottom of stack', () => {
    let f = decode(LINKTYPE.ETHERNET, cat(MACS, hex('88 47 00 01 00 40 00 01 11 40'), IP6));
    expect(pathNames(f, KIND_NAMES)).toEqual(['Ethernet', 'MPLS', 'MPLS', 'IPv6', 'UDP']);
    f = decode(LINKTYPE.ETHERNET, cat(MACS, hex('88 47 00 00 01 40'), IP4));
    expect(one(f)).toBe('10.0.0.1');
  });

  it('PPPoE session carrying PPP IPv4', () => {
    const f = decode(LINKTYPE.ETHERNET, cat(MACS, hex('88 64 11 00 12 34 00 1e 00 21'), IP4));
    expect(pathNames(f, KIND_NAMES)).toEqual(['Ethernet', 'PPPoE', 'IPv4', 'UDP']);
  });

  it('removes the FCS the interface declares, only when captured', () => {
    const frame = cat(MACS, hex('08 00'), IP4, hex('de ad be ef'));
    let f = decode(LINKTYPE.ETHERNET, frame, { iface: { fcsLen: 4 } });
    expect(f.capLen).toBe(frame.length - 4);
    // Snapped 2 bytes short: only the 2 captured FCS bytes go.
    f = decode(LINKTYPE.ETHERNET, frame.subarray(0, frame.length - 2), { iface: { fcsLen: 4 }, rec: { origLen: frame.length } });
    expect(f.capLen).toBe(frame.length - 4);
  });
});

describe('cooked, loopback, raw and PPP link types', () => {
  it('Linux SLL: packet type gives the direction', () => {
    const hdr = (t: string): Uint8Array => hex(`${t} 00 01 00 06 02 00 00 00 00 0a 00 00 08 00`);
    expect(decode(LINKTYPE.LINUX_SLL, cat(hdr('00 04'), IP4)).direction).toBe(DIR_OUT);
    expect(decode(LINKTYPE.LINUX_SLL, cat(hdr('00 00'), IP4)).direction).toBe(DIR_IN);
    expect(decode(LINKTYPE.LINUX_SLL, cat(hdr('00 03'), IP4)).direction).toBe(DIR_IN);
    // The capture's own statement (pcapng epb_flags) wins.
    expect(decode(LINKTYPE.LINUX_SLL, cat(hdr('00 04'), IP4), { rec: { direction: DIR_IN } }).direction).toBe(DIR_IN);
    expect(pathNames(decode(LINKTYPE.LINUX_SLL, cat(hdr('00 04'), IP4)), KIND_NAMES)).toEqual(['SLL', 'IPv4', 'UDP']);
  });

  it('Linux SLL2', () => {
    const f = decode(LINKTYPE.LINUX_SLL2, cat(hex('86 dd 00 00 00 00 00 02 00 01 04 06 02 00 00 00 00 0a 00 00'), IP6));
    expect(one(f)).toBe('::1');
    expect(f.direction).toBe(DIR_OUT);
  });

  it('BSD NULL in either byte order, AF_INET6 24/28/30; LOOP in network order', () => {
    expect(one(decode(LINKTYPE.NULL, cat(hex('02 00 00 00'), IP4)))).toBe('10.0.0.1');
    expect(one(decode(LINKTYPE.NULL, cat(hex('00 00 00 02'), IP4)))).toBe('10.0.0.1');
    for (const af of ['18 00 00 00', '1c 00 00 00', '1e 00 00 00', '00 00 00 1e']) {
      expect(one(decode(LINKTYPE.NULL, cat(hex(af), IP6)))).toBe('::1');
    }
    expect(one(decode(LINKTYPE.LOOP, cat(hex('00 00 00 18'), IP6)))).toBe('::1');
    // FF 03: PPP in HDLC framing.
    expect(one(decode(LINKTYPE.NULL, cat(hex('ff 03 00 21'), IP4)))).toBe('10.0.0.1');
    // An unknown family: no IP, nothing marked.
    const f = decode(LINKTYPE.NULL, cat(hex('07 00 00 00'), IP4));
    expect([f.ipCount, f.malReason]).toEqual([0, M_NONE]);
  });

  it('RAW by version nibble; 228/229 fixed', () => {
    for (const lt of [LINKTYPE.RAW, LINKTYPE.RAW_12, LINKTYPE.RAW_14]) {
      expect(one(decode(lt, IP4))).toBe('10.0.0.1');
      expect(one(decode(lt, IP6))).toBe('::1');
    }
    expect(one(decode(LINKTYPE.IPV4, IP4))).toBe('10.0.0.1');
    expect(one(decode(LINKTYPE.IPV6, IP6))).toBe('::1');
    const bad = IP4.slice();
    bad[0] = 0x55;
    const f = decode(LINKTYPE.RAW, bad);
    expect([f.ipCount, f.malReason]).toEqual([0, M_BAD_VERSION]);
  });

  it('PPP with and without address/control, compressed protocol field', () => {
    expect(one(decode(LINKTYPE.PPP, cat(hex('ff 03 00 21'), IP4)))).toBe('10.0.0.1');
    expect(one(decode(LINKTYPE.PPP, cat(hex('00 57'), IP6)))).toBe('::1');
    expect(one(decode(LINKTYPE.PPP, cat(hex('21'), IP4)))).toBe('10.0.0.1');
    expect(one(decode(LINKTYPE.PPP_HDLC, cat(hex('ff 03 00 21'), IP4)))).toBe('10.0.0.1');
  });

  it('an unknown link type decodes nothing and marks nothing', () => {
    const f = decode(147, IP4);
    expect([f.ipCount, f.pathLen, f.malReason, f.direction]).toEqual([0, 0, M_NONE, DIR_UNKNOWN]);
  });

  it('a frame cut inside the Ethernet header is marked truncated', () => {
    const f = decode(LINKTYPE.ETHERNET, MACS.subarray(0, 10), { rec: { origLen: 60 } });
    expect([f.ipCount, f.malReason, f.malOffset]).toEqual([0, M_TRUNCATED, 0]);
  });
});

describe('monitor-mode, firewall-log and Solaris link types', () => {
  const llc4 = cat(hex('aa aa 03 00 00 00 08 00'), IP4);
  // 802.11 data, to-DS, 3 addresses, sequence control 0x0010 (fragment 0).
  const wlan = (fc1: string, body: Uint8Array): Uint8Array =>
    cat(hex(`08 ${fc1} 2c 00  02 00 00 00 00 01 02 00 00 00 00 02 02 00 00 00 00 03 10 00`), body);

  it('802.11 data frames; protected ones are opaque', () => {
    const f = decode(105, wlan('01', llc4));
    expect(pathNames(f, KIND_NAMES)).toEqual(['802.11', 'LLC', 'SNAP', 'IPv4', 'UDP']);
    expect(decode(105, wlan('41', llc4)).ipCount).toBe(0);
  });

  it('radiotap with TSFT and flags: the FCS flag trims 4 bytes', () => {
    const rt = hex('00 00 12 00 03 00 00 00  00 00 00 00 00 00 00 00  10 00');
    const f = decode(127, cat(rt, wlan('01', llc4), hex('de ad be ef')));
    expect(one(f)).toBe('10.0.0.1');
    expect(f.malReason).toBe(M_NONE);
  });

  it('PPI, NFLOG, pflog (direction from the header), IPNET, ENC', () => {
    expect(one(decode(192, cat(hex('00 00 08 00 69 00 00 00'), wlan('01', llc4))))).toBe('10.0.0.1');
    const nflog = cat(hex('0a 00 00 01  08 00 0a 00 61 62 63 00  34 00 09 00'), IP6);
    expect(one(decode(239, nflog))).toBe('::1');
    const pf = new Uint8Array(64);
    pf[0] = 61; pf[1] = 2; pf[60] = 2;
    const f = decode(117, cat(pf, IP4));
    expect([one(f), f.direction]).toEqual(['10.0.0.1', DIR_OUT]);
    expect(one(decode(226, cat(hex('01 1a 00 00 00 00 00 30 00 00 00 02 00 00 00 00 00 00 00 00 00 00 00 00'), IP6)))).toBe('::1');
    expect(one(decode(109, cat(hex('02 00 00 00 00 00 10 01 00 00 00 00'), IP4)))).toBe('10.0.0.1');
  });
});
