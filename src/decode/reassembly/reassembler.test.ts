/**
 * Reassembly by Linux's rules, one rule per case, IPv4 and IPv6: fragments
 * crafted by samples/gen (a sender's split of a real UDP datagram), decoded
 * as raw-IP frames, fed in the order given.
 */
import { describe, expect, it } from 'vitest';
import { concat, ipv4, ipv4Fragments, ipv6, ipv6Fragments, tcp, udp } from '../../../samples/gen/craft.ts';
import { LINKTYPE } from '../../capture/types.ts';
import { Decoder } from '../decoder.ts';
import { decode } from '../test/hex.ts';
import { DecodedFrame, L4_TCP, L4_UDP, M_NONE } from '../types.ts';
import { fragmentHash } from './key.ts';
import { type ReassemblyLimits, R_BAD, R_DISCARD, R_DONE, R_DUP, R_HELD, Reassembler } from './reassembler.ts';
import {
  WHY_BAD, WHY_DUP, WHY_ECN, WHY_EVICTED, WHY_LENGTH, WHY_OVERLAP, WHY_OVERSIZE, WHY_PENDING, WHY_TIMEOUT,
} from './stats.ts';

const A4 = '10.0.0.1', B4 = '10.0.0.2';
const A6 = '2001:db8::1', B6 = '2001:db8::2';
const data = (n: number): Uint8Array => Uint8Array.from({ length: n }, (_, i) => (i * 7 + 3) & 0xff);

/** A 3000-byte UDP payload: 3008 bytes of datagram, three fragments of 1480/1480/48 (IPv4) or 1232/1232/544 (IPv6). */
const v4frags = (o: { id?: number; n?: number; tos?: number; df?: boolean } = {}) =>
  ipv4Fragments({ src: A4, dst: B4, id: o.id ?? 0x1234, tos: o.tos, df: o.df }, udp({ sport: 5000, dport: 6000 }, data(o.n ?? 3000)), 1480);
const v6frags = (o: { id?: number; n?: number } = {}) =>
  ipv6Fragments({ src: A6, dst: B6, id: o.id ?? 0xabcdef }, udp({ sport: 5000, dport: 6000 }, data(o.n ?? 3000)), 1232);
const v4two = () => ipv4Fragments({ src: A4, dst: B4, id: 0x1234 }, udp({ sport: 5000, dport: 6000 }, data(3000)), 2960)[0]!;
const v6two = () => ipv6Fragments({ src: A6, dst: B6, id: 0xabcdef }, udp({ sport: 5000, dport: 6000 }, data(3000)), 2464)[0]!;
const v4whole = (n = 3000) => ipv4({ src: A4, dst: B4, id: 0x1234 }, udp({ sport: 5000, dport: 6000 }, data(n)));
const v6whole = (n = 3000) => ipv6({ src: A6, dst: B6 }, udp({ sport: 5000, dport: 6000 }, data(n)));

const dec = new Decoder();
function feed(r: Reassembler, pkt: Uint8Array, t = 0, frame = 1): number {
  const f = decode(LINKTYPE.RAW, pkt, { dec, rec: { frame } });
  expect(f.fragmented).toBe(true);
  return r.add(f, f.ip[0]!, t);
}
function built(r: Reassembler, last: Uint8Array): DecodedFrame {
  const f = decode(LINKTYPE.RAW, last, { dec });
  const into = new DecodedFrame();
  r.build(r.dg!, into, f, f.ip[0]!);
  return into;
}
/** Feeds all; every one but the last is held; returns the built datagram. */
function assemble(r: Reassembler, pkts: Uint8Array[]): DecodedFrame {
  pkts.forEach((p, i) => expect(feed(r, p, i, i + 1)).toBe(i === pkts.length - 1 ? R_DONE : R_HELD));
  return built(r, pkts[pkts.length - 1]!);
}
const bytesOf = (f: DecodedFrame): Uint8Array => f.buf.subarray(f.start, f.end);
const small = (o: Partial<ReassemblyLimits>): ReassemblyLimits => ({ timeoutNs: 30e9, highBytes: 4 << 20, lowBytes: 3 << 20, ...o });

for (const v of [4, 6] as const) {
  const frags = v === 4 ? v4frags : v6frags;
  const whole = v === 4 ? v4whole : v6whole;
  describe(`IPv${v} reassembly`, () => {
    it('in order: the datagram the sender fragmented, byte for byte', () => {
      const fs = frags();
      expect(fs.length).toBe(3);
      const r = new Reassembler();
      const g = assemble(r, fs);
      // The sender's datagram before fragmentation (IPv4: the same id; DF and MF clear; checksum recomputed).
      expect(bytesOf(g)).toEqual(whole());
      const l = g.ip[0]!;
      expect([g.ipCount, l.l4, l.plength, l.udp.length, l.udp.payloadLen, l.fragment, g.malReason]).toEqual([1, L4_UDP, 3008, 3008, 3000, false, M_NONE]);
      if (v === 4) expect(l.checksumValid).toBe(true);
      expect(r.size).toBe(0);
      expect(r.bytes).toBe(0);
      expect(r.stats.reassembled).toBe(1);
    });

    it('out of order (last first, then first, then middle)', () => {
      const fs = frags();
      const r = new Reassembler();
      expect(bytesOf(assemble(r, [fs[2]!, fs[0]!, fs[1]!]))).toEqual(whole());
    });

    it('in reverse order', () => {
      const fs = frags();
      const r = new Reassembler();
      expect(bytesOf(assemble(r, [...fs].reverse()))).toEqual(whole());
    });

    it('two datagrams interleaved, told apart by their ids', () => {
      const a = frags({ id: 1, n: 3000 }), b = frags({ id: 2, n: 2000 });
      const r = new Reassembler();
      expect([feed(r, a[0]!), feed(r, b[0]!), feed(r, a[1]!), feed(r, b[1]!)]).toEqual([R_HELD, R_HELD, R_HELD, R_DONE]);
      expect(built(r, b[1]!).ip[0]!.udp.length).toBe(2008);
      expect(feed(r, a[2]!)).toBe(R_DONE);
      expect(built(r, a[2]!).ip[0]!.udp.length).toBe(3008);
    });

    it('an exact duplicate is dropped and the datagram kept (RFC 5722 erratum 3089)', () => {
      const fs = frags();
      const r = new Reassembler();
      expect(feed(r, fs[0]!)).toBe(R_HELD);
      expect(feed(r, fs[0]!)).toBe(R_DUP);
      expect(feed(r, fs[1]!)).toBe(R_HELD);
      expect(feed(r, fs[1]!)).toBe(R_DUP);
      expect(feed(r, fs[2]!)).toBe(R_DONE);
      expect(bytesOf(built(r, fs[2]!))).toEqual(whole());
      expect(r.stats.counts[WHY_DUP]).toBe(2);
    });

    it('a duplicate after completion starts a new datagram, which times out (as Linux\'s does)', () => {
      const fs = frags();
      const r = new Reassembler();
      assemble(r, fs);
      expect(feed(r, fs[1]!, 5e9)).toBe(R_HELD);
      expect(r.deadline).toBe(35e9);
      expect(r.expire(34.9e9)).toEqual([]);
      expect(r.expire(35e9).length).toBe(1);
      expect(r.stats.counts[WHY_TIMEOUT]).toBe(1);
    });

    it('overlapping fragments discard the whole datagram (RFC 5722)', () => {
      const fs = frags();
      // Same data, shifted 8 bytes back into the first fragment's range.
      const shifted = refragment(v, fs[1]!, -8);
      const r = new Reassembler();
      expect(feed(r, fs[0]!)).toBe(R_HELD);
      expect(feed(r, shifted)).toBe(R_DISCARD);
      expect([r.why, r.size, r.bytes]).toEqual([WHY_OVERLAP, 0, 0]);
      // What is left arrives later: a new datagram, never completed.
      expect(feed(r, fs[1]!)).toBe(R_HELD);
      expect(feed(r, fs[2]!)).toBe(R_HELD);
      expect(r.stats.counts[WHY_OVERLAP]).toBe(1);
    });

    it('a fragment overlapping the held ones from below discards the datagram too', () => {
      const fs = frags();
      const r = new Reassembler();
      feed(r, fs[2]!); feed(r, fs[1]!);
      expect(feed(r, refragment(v, fs[0]!, 8))).toBe(R_DISCARD); // the first, moved 8 bytes up: into the middle one
      expect(r.why).toBe(WHY_OVERLAP);
    });

    it('a copy of two held fragments is a duplicate when they form one run, an overlap when two (runs never merge)', () => {
      const fs = frags();
      const both = (v === 4 ? v4two : v6two)(); // the first two fragments' data as one fragment
      let r = new Reassembler();
      feed(r, fs[0]!); feed(r, fs[1]!); // appended: one run [0, 2n)
      expect(feed(r, both)).toBe(R_DUP);
      r = new Reassembler();
      feed(r, fs[1]!); feed(r, fs[0]!); // the first inserted before: two runs
      expect(feed(r, both)).toBe(R_DISCARD);
      expect(r.why).toBe(WHY_OVERLAP);
    });

    it('missing the last fragment: held until its time is up (30 s from the first)', () => {
      const fs = frags();
      const r = new Reassembler();
      expect(feed(r, fs[0]!, 0, 7)).toBe(R_HELD);
      expect(feed(r, fs[1]!, 20e9, 8)).toBe(R_HELD);
      expect(r.deadline).toBe(30e9); // not extended by later fragments
      const gone = r.expire(30e9);
      expect(gone.length).toBe(1);
      expect(gone[0]!.repOrigin!.frame).toBe(7);
      expect(r.stats.frames[WHY_TIMEOUT]).toEqual([7]);
      expect([r.size, r.bytes, r.deadline]).toEqual([0, 0, Infinity]);
    });

    it('missing the first fragment: never complete; incomplete at the end', () => {
      const fs = frags();
      const r = new Reassembler();
      feed(r, fs[1]!); feed(r, fs[2]!);
      expect(r.drain().length).toBe(1);
      expect(r.stats.counts[WHY_PENDING]).toBe(1);
    });

    it('a second, different last fragment discards the datagram', () => {
      const fs = frags();
      const r = new Reassembler();
      feed(r, fs[2]!);
      expect(feed(r, truncated(v, fs[2]!, 8))).toBe(R_DISCARD);
      expect(r.why).toBe(WHY_LENGTH);
    });

    it('data past a known end discards the datagram', () => {
      const f3 = frags();
      let r = new Reassembler();
      feed(r, f3[1]!); // more fragments follow: data up to 2n at least
      expect(feed(r, markLast(v, truncated(v, f3[1]!, 8)))).toBe(R_DISCARD); // "the last" ends 8 bytes before that
      expect(r.why).toBe(WHY_LENGTH);
      r = new Reassembler();
      feed(r, f3[2]!); // the last: the datagram ends at 3008
      expect(feed(r, refragment(v, f3[1]!, 1480 - (v === 6 ? 248 : 0)))).toBe(R_DISCARD); // more data past that end
      expect(r.why).toBe(WHY_LENGTH);
    });

    it('the memory cap evicts the oldest datagrams first', () => {
      const r = new Reassembler(small({ highBytes: 4000, lowBytes: 3200 }));
      const a = frags({ id: 1 }), b = frags({ id: 2 }), c = frags({ id: 3 });
      feed(r, a[0]!, 0, 1); feed(r, b[0]!, 1, 2);
      expect(r.evicted).toEqual([]);
      feed(r, c[0]!, 2, 3); // a third 1.3-1.5 KB fragment passes 4000: the oldest goes, until 3200 are held
      expect(r.evicted.map((d) => d.repOrigin!.frame)).toEqual([1]);
      expect(r.stats.counts[WHY_EVICTED]).toBe(1);
      expect(r.bytes).toBeLessThanOrEqual(3200);
      expect(r.size).toBe(2);
    });
  });
}

describe('IPv4 specifics', () => {
  it('a non-last fragment whose length is not a multiple of 8 is cut to one (ip_frag_queue)', () => {
    const fs = v4frags();
    // 5 extra bytes at the end of the first fragment: Linux trims them.
    const padded = concat(fs[0]!, new Uint8Array([9, 9, 9, 9, 9]));
    fixV4Length(padded);
    const r = new Reassembler();
    expect(bytesOf(assemble(r, [padded, fs[1]!, fs[2]!]))).toEqual(v4whole());
  });

  it('DF survives when the largest fragment had it; the reassembled header checksum verifies', () => {
    const fs = v4frags({ df: true });
    const g = assemble(new Reassembler(), fs);
    expect([g.ip[0]!.flags, g.ip[0]!.fragOffset, g.ip[0]!.checksumValid]).toEqual([2, 0, true]);
  });

  it('ECN: CE with ECT is CE; not-ECT mixed with ECT discards the datagram (RFC 3168 5.3)', () => {
    const ect = v4frags({ tos: 2 }), ce = v4frags({ tos: 3 }), not = v4frags({ tos: 0 });
    let r = new Reassembler();
    expect(assemble(r, [ect[0]!, ce[1]!, ect[2]!]).ip[0]!.tos & 3).toBe(3);
    r = new Reassembler();
    feed(r, not[0]!); feed(r, ect[1]!);
    expect(feed(r, not[2]!)).toBe(R_DISCARD);
    expect(r.why).toBe(WHY_ECN);
  });

  it('a datagram past 65535 bytes is discarded once complete', () => {
    // 65600 bytes of payload: the last fragment's offset (8140 x 8) still fits the 13-bit field.
    const fs = ipv4Fragments({ src: A4, dst: B4, id: 3, proto: 17 }, data(65600), 1480);
    const r = new Reassembler();
    fs.forEach((p, i) => expect(feed(r, p)).toBe(i === fs.length - 1 ? R_DISCARD : R_HELD));
    expect([r.why, r.size, r.bytes, r.stats.reassembled]).toEqual([WHY_OVERSIZE, 0, 0, 0]);
  });

  it('an empty fragment discards the datagram', () => {
    const r = new Reassembler();
    feed(r, v4frags()[0]!);
    const empty = ipv4({ src: A4, dst: B4, id: 0x1234, mf: true, fragOffset: 10, proto: 17 }, new Uint8Array(0));
    expect(feed(r, empty)).toBe(R_DISCARD);
    expect(r.why).toBe(WHY_LENGTH);
  });

  it('TCP in fragments reassembles too', () => {
    const seg = tcp({ sport: 80, dport: 40000, seq: 1, ack: 2, flags: 'PA' }, data(2000));
    const fs = ipv4Fragments({ src: A4, dst: B4, id: 9 }, seg, 800);
    const g = assemble(new Reassembler(), fs);
    expect([g.ip[0]!.l4, g.ip[0]!.tcp.payloadLen]).toEqual([L4_TCP, 2000]);
  });

  it('keys on source, destination, protocol and id; the hash agrees for every fragment', () => {
    const fs = v4frags();
    const hashes = fs.map((p) => { const f = decode(LINKTYPE.RAW, p, { dec }); return fragmentHash(f, f.ip[0]!); });
    expect(new Set(hashes).size).toBe(1);
    const other = v4frags({ id: 0x1235 })[0]!;
    const f = decode(LINKTYPE.RAW, other, { dec });
    expect(fragmentHash(f, f.ip[0]!)).not.toBe(hashes[0]);
  });
});

describe('IPv6 specifics', () => {
  it('a non-last fragment whose length is not a multiple of 8 is dropped alone (parameter problem)', () => {
    const fs = v6frags();
    const r = new Reassembler();
    feed(r, fs[0]!);
    expect(feed(r, truncated(6, fs[1]!, 3))).toBe(R_BAD);
    expect(r.why).toBe(WHY_BAD);
    expect(feed(r, fs[1]!)).toBe(R_HELD); // the datagram was kept
    expect(feed(r, fs[2]!)).toBe(R_DONE);
  });

  it('a first fragment without its upper-layer header is dropped (RFC 8200 4.5)', () => {
    // A 4-byte first fragment: the UDP header (8) does not fit.
    const first = ipv6({ src: A6, dst: B6, ext: [{ type: 'frag', offset: 0, more: true, id: 5 }], next: 17 }, new Uint8Array(8).subarray(0, 8));
    const cut = ipv6({ src: A6, dst: B6, ext: [{ type: 'frag', offset: 0, more: true, id: 5 }], next: 17 }, new Uint8Array(0));
    const r = new Reassembler();
    expect(feed(r, first)).toBe(R_HELD);
    expect(feed(r, cut)).toBe(R_BAD);
  });

  it('the unfragmentable part (hop-by-hop) stays; the fragment header goes', () => {
    const fs = ipv6Fragments({ src: A6, dst: B6, id: 77, ext: [{ type: 'hop' }] }, udp({ sport: 1, dport: 2 }, data(2000)), 1000);
    const g = assemble(new Reassembler(), fs);
    expect(bytesOf(g)).toEqual(ipv6({ src: A6, dst: B6, ext: [{ type: 'hop' }] }, udp({ sport: 1, dport: 2 }, data(2000))));
    expect([g.ip[0]!.extCount, g.ip[0]!.udp.length]).toEqual([1, 2008]);
  });

  it('an atomic fragment (offset 0, M clear) is not a fragment (RFC 6946)', () => {
    const p = ipv6({ src: A6, dst: B6, ext: [{ type: 'frag', offset: 0, more: false, id: 1 }] }, udp({ sport: 1, dport: 2 }, 'x'));
    const f = decode(LINKTYPE.RAW, p, { dec });
    expect([f.fragmented, f.ip[0]!.fragment, f.ip[0]!.l4]).toEqual([false, false, L4_UDP]);
  });
});

describe('captures that cut fragments short', () => {
  it('lengths reassemble; the bytes are captured up to the first one missing', () => {
    const fs = v4frags();
    const cut = fs[1]!.subarray(0, 100); // snap length 100 on the middle fragment
    const r = new Reassembler();
    feed(r, fs[0]!);
    const f = decode(LINKTYPE.RAW, cut, { dec, rec: { origLen: fs[1]!.length } });
    expect(r.add(f, f.ip[0]!, 0)).toBe(R_HELD);
    expect(feed(r, fs[2]!)).toBe(R_DONE);
    const g = built(r, fs[2]!);
    expect([g.wireLen, g.end, g.ip[0]!.plength, g.ip[0]!.udp.length]).toEqual([3028, 20 + 1480 + 80, 3008, 3008]);
    expect(bytesOf(g)).toEqual(v4whole().subarray(0, 1580));
  });
});

// --- crafting helpers --------------------------------------------------------

/** The fragment's header with its payload moved by `delta` bytes (offset - delta/8), optionally marked last, optionally longer. */
function refragment(v: 4 | 6, pkt: Uint8Array, delta: number, last = false, extra = 0): Uint8Array {
  const out = concat(pkt, new Uint8Array(extra));
  if (v === 4) {
    const w = (out[6]! << 8) | out[7]!;
    const off = (w & 0x1fff) + delta / 8;
    const nw = (last ? 0 : w & 0x2000) | (off & 0x1fff);
    out[6] = nw >> 8; out[7] = nw & 0xff;
    fixV4Length(out);
  } else {
    const p = 40;
    const w = (out[p + 2]! << 8) | out[p + 3]!;
    const off = (w >> 3) + delta / 8;
    const nw = (off << 3) | (last ? 0 : w & 1);
    out[p + 2] = nw >> 8; out[p + 3] = nw & 0xff;
    const plen = out.length - 40;
    out[4] = plen >> 8; out[5] = plen & 0xff;
  }
  return out;
}

/** The fragment with `n` bytes fewer at its end (lengths fixed). */
function truncated(v: 4 | 6, pkt: Uint8Array, n: number): Uint8Array {
  const out = pkt.slice(0, pkt.length - n);
  if (v === 4) fixV4Length(out);
  else { const plen = out.length - 40; out[4] = plen >> 8; out[5] = plen & 0xff; }
  return out;
}

function markLast(v: 4 | 6, pkt: Uint8Array): Uint8Array {
  return refragment(v, pkt, 0, true);
}

function fixV4Length(p: Uint8Array): void {
  p[2] = p.length >> 8; p[3] = p.length & 0xff;
  p[10] = 0; p[11] = 0;
  let s = 0;
  for (let i = 0; i < 20; i += 2) s += (p[i]! << 8) | p[i + 1]!;
  while (s > 0xffff) s = (s & 0xffff) + (s >>> 16);
  const ck = ~s & 0xffff;
  p[10] = ck >> 8; p[11] = ck & 0xff;
}
