/**
 * One datagram being reassembled: its fragments, Linux's bookkeeping of them
 * (net/ipv4/ip_fragment.c ip_frag_queue, net/ipv6/reassembly.c
 * ip6_frag_queue, net/ipv4/inet_fragment.c inet_frag_queue_insert), and the
 * reassembled packet built from them (ip_frag_reasm / ip6_frag_reasm).
 *
 * Linux keeps fragments in "runs": fragments appended right at the end of
 * the highest run join it; any other fragment is a run of its own and runs
 * are never merged. A new fragment past the end of the tail is appended (or
 * starts a run after a gap) unless it begins inside the tail: an overlap.
 * Any other fragment is looked up among the runs: none intersecting means a
 * new run; lying wholly inside one run is a duplicate (dropped, the datagram
 * kept: RFC 5722 as amended by erratum 3089); anything else overlaps, and the
 * whole datagram is discarded. `runs` models exactly that, so a duplicate
 * spanning two runs is an overlap here as it is there.
 *
 * Bytes: each fragment is kept as the copy of its IP packet as captured
 * (`pkt`), so a capture that cut a fragment short still reassembles its
 * lengths; the built packet is then captured only up to the first byte the
 * capture lacks (DecodedFrame.end before wireLen), as a cut frame is.
 */
import { onesSum } from '../bytes.ts';

/** inet_frag_queue_insert's answers. */
export const INS_OK = 0;
export const INS_DUP = 1;
export const INS_OVERLAP = 2;

/**
 * ip_frag_ecn_table (RFC 3168 section 5.3): indexed by the OR of 1 << ECN
 * codepoint of every fragment; 0xff drops the datagram, else the value is
 * ORed into the reassembled header's ECN bits.
 */
const ECN_TABLE = (() => {
  const NOT_ECT = 1, ECT_1 = 2, ECT_0 = 4, CE = 8;
  const t = new Uint8Array(16);
  t[CE | ECT_0] = 3; t[CE | ECT_1] = 3; t[CE | ECT_0 | ECT_1] = 3;
  for (let m = 0; m < 16; m++) if ((m & NOT_ECT) !== 0 && (m & ~NOT_ECT) !== 0) t[m] = 0xff;
  return t;
})();

export class Fragment {
  constructor(
    /** Offset and end of its data in the datagram (bytes; end as Linux computes it, rounded down to 8 unless last). */
    readonly off: number,
    readonly end: number,
    /** The fragment's IP packet as captured (a copy), and where its data starts in it. */
    readonly pkt: Uint8Array,
    readonly dataAt: number,
  ) {}
}

/** Where a datagram came from, for the probes it may fire later (drop-in) and the summary. */
export interface FragmentOrigin {
  frame: number;
  ifName: string;
  ifIndex: number;
  direction: number;
  tunnel: number;
  tunnelKey: number;
  depth: number;
}

export class Datagram {
  /** q.len (the length known so far) and q.meat (bytes held). */
  len = 0;
  meat = 0;
  firstIn = false;
  lastIn = false;
  /** [start, end) of each run, sorted by start. */
  readonly runs: number[] = [];
  /** Fragments sorted by offset (disjoint: duplicates are dropped, overlaps discard everything). */
  readonly frags: Fragment[] = [];
  /** The offset-0 fragment, whose header the reassembled packet takes. */
  head: Fragment | null = null;
  /** IPv6: where, in the head's packet, the fragmentable part's header starts (the fragment header) and the byte naming it. */
  headFragHdr = 0;
  headNh = 0;
  /** OR of 1 << ECN codepoint over the fragments. */
  ecn = 0;
  /** IPv4: largest fragment, and largest with DF set (ip_frag_reasm keeps DF when that is the largest). */
  maxSize = 0;
  maxDfSize = 0;
  /** Bytes held against the memory bound. */
  bytes = 0;
  /** The first fragment to arrive and where it came from (the datagram's face in drop-in and the summary). */
  rep: Fragment | null = null;
  repOrigin: FragmentOrigin | null = null;
  /** Free for the owner (the send-side lookahead attaches its note here). */
  tag: unknown = null;

  constructor(readonly key: string, readonly v6: boolean, readonly createdNs: number) {}

  /** inet_frag_queue_insert: records [off, end) in the runs, or says why not. */
  insert(off: number, end: number): number {
    const r = this.runs;
    const n = r.length;
    if (n === 0) {
      r.push(off, end);
      return INS_OK;
    }
    const tail = r[n - 1]!;
    if (tail < end) {
      if (off < tail) return INS_OVERLAP;
      if (off === tail) r[n - 1] = end;
      else r.push(off, end);
      return INS_OK;
    }
    let lo = 0, hi = (n >> 1) - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const s = r[2 * mid]!, e = r[2 * mid + 1]!;
      if (end <= s) hi = mid - 1;
      else if (off >= e) lo = mid + 1;
      else return off >= s && end <= e ? INS_DUP : INS_OVERLAP;
    }
    r.splice(2 * lo, 0, off, end);
    return INS_OK;
  }

  /** Keeps the fragment's bytes, in offset order. */
  keep(fr: Fragment): void {
    const a = this.frags;
    let i = a.length;
    while (i > 0 && a[i - 1]!.off > fr.off) i--;
    a.splice(i, 0, fr);
    if (fr.off === 0) this.head = fr;
  }

  get complete(): boolean {
    return this.firstIn && this.lastIn && this.meat === this.len;
  }

  /** The ECN bits to OR into the reassembled header, or 0xff: the datagram must be dropped. */
  get ecnValue(): number {
    return ECN_TABLE[this.ecn & 15]!;
  }

  /**
   * The reassembled IP packet, as ip_frag_reasm / ip6_frag_reasm leave it:
   * the head fragment's header (IPv6: its unfragmentable part, the fragment
   * header removed and its next header moved into the byte that named it),
   * the total/payload length of the whole, the ECN bits combined, IPv4's
   * fragment word cleared (DF kept when the largest fragment had it) and its
   * checksum recomputed. Returns the bytes and how many of them the capture
   * holds (`captured`).
   */
  build(): { buf: Uint8Array; captured: number } {
    const h = this.head!;
    const hl = this.v6 ? this.headFragHdr : h.dataAt;
    const total = hl + this.len;
    const buf = new Uint8Array(total);
    buf.set(h.pkt.subarray(0, hl));
    const ecn = this.ecnValue;
    if (this.v6) {
      buf[4] = (total - 40) >> 8; buf[5] = (total - 40) & 0xff;
      buf[this.headNh] = h.pkt[this.headFragHdr]!;
      buf[1]! |= (ecn & 3) << 4;
    } else {
      buf[2] = total >> 8; buf[3] = total & 0xff;
      buf[1]! |= ecn & 3;
      const df = this.maxDfSize === this.maxSize;
      buf[6] = df ? 0x40 : 0; buf[7] = 0;
      buf[10] = 0; buf[11] = 0;
      const ck = ~onesSum(buf, 0, hl) & 0xffff;
      buf[10] = ck >> 8; buf[11] = ck & 0xff;
    }
    let captured = hl;
    let whole = true;
    for (const fr of this.frags) {
      const want = fr.end - fr.off;
      const have = Math.max(0, Math.min(want, fr.pkt.length - fr.dataAt));
      buf.set(fr.pkt.subarray(fr.dataAt, fr.dataAt + have), hl + fr.off);
      if (whole && hl + fr.off === captured) {
        captured += have;
        if (have < want) whole = false;
      }
    }
    return { buf, captured };
  }

  /** IPv4 header length or IPv6 unfragmentable part of the head, for the size check before building. */
  headLength(): number {
    const h = this.head!;
    return this.v6 ? this.headFragHdr : h.dataAt;
  }
}
