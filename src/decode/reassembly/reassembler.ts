/**
 * IP reassembly as Linux does it (net/ipv4/ip_fragment.c, net/ipv6/reassembly.c,
 * net/ipv4/inet_fragment.c), bounded as Linux bounds it:
 *
 *   - one datagram per key (key.ts); its timer starts with its first
 *     fragment and is never extended (ipfrag_time, 30 s, on the capture's
 *     clock): the owner calls expire() as capture time passes;
 *   - bytes held are capped (ipfrag_high_thresh, 4 MiB): a fragment that
 *     would pass the cap first evicts the oldest datagrams until what is
 *     held is under ipfrag_low_thresh (3 MiB), as Linux's evictor did
 *     before 4.17 ("oldest dropped first"; newer kernels refuse new
 *     fragments instead and let the old ones time out);
 *   - per fragment, ip_frag_queue's and ip6_frag_queue's rules, in their
 *     order: a last fragment (MF clear) ending before what is known, or
 *     differently from an earlier last one, discards the datagram; other
 *     fragments are cut to a multiple of 8 (IPv4) or dropped when they are
 *     not one (IPv6, the datagram kept); data past a known end or an empty
 *     fragment discards it; then the run rule (datagram.ts): duplicates are
 *     dropped, overlaps discard the datagram (RFC 5722);
 *   - IPv6 drops a fragment alone when its payload length is 0 (a jumbogram
 *     cannot be fragmented), when its data would end past 65535, and when a
 *     first fragment lacks its upper-layer header (RFC 8200 4.5 / RFC 7112:
 *     ipv6frag_thdr_truncated);
 *   - complete (first and last in, every byte held): a mix of not-ECT and
 *     ECT/CE fragments (RFC 3168 5.3) or a total past 65535 bytes discards
 *     it, else the packet is built (Datagram.build) and decoded from its IP
 *     header into a DecodedFrame of the owner's (build()).
 *
 * Not modelled: ipfrag_max_dist (IPv4's reset of a datagram after 64 other
 * fragments from the same peer), and the per-skb "truesize" Linux counts:
 * here a fragment costs its captured IP bytes plus FRAGMENT_OVERHEAD.
 *
 * Cost: nothing happens here for a packet that is not a fragment (the
 * providers test DecodedFrame.fragmented once per frame). Fragments are
 * copied (the reader's chunk is reused) and each datagram allocates its
 * bytes once built.
 */
import { u16 } from '../bytes.ts';
import { decodeIpv4 } from '../ip/ipv4.ts';
import { decodeIpv6 } from '../ip/ipv6.ts';
import type { DecodedFrame, IpLayer } from '../types.ts';
import { Datagram, Fragment, type FragmentOrigin, INS_DUP, INS_OVERLAP } from './datagram.ts';
import { fragmentKey } from './key.ts';
import {
  ReassemblyStats, WHY_BAD, WHY_CUT, WHY_DUP, WHY_ECN, WHY_EVICTED, WHY_LENGTH, WHY_OVERLAP, WHY_OVERSIZE, WHY_PENDING, WHY_TIMEOUT,
} from './stats.ts';

/** What add() did with a fragment. */
export const R_HELD = 0; // kept; the datagram is still incomplete
export const R_DONE = 1; // the datagram is complete: build() it
export const R_DUP = 2; // a duplicate: this fragment dropped, the datagram kept
export const R_DISCARD = 3; // the datagram discarded (why: overlap, lengths, size, ECN)
export const R_BAD = 4; // this fragment dropped alone (IPv6 rules)
export const R_CUT = 5; // the capture cut the fragment's IP header: it cannot be used

export interface ReassemblyLimits {
  /** ipfrag_time, ns. */
  timeoutNs: number;
  /** ipfrag_high_thresh / ipfrag_low_thresh, bytes. */
  highBytes: number;
  lowBytes: number;
}

export const LINUX_LIMITS: ReassemblyLimits = { timeoutNs: 30e9, highBytes: 4 << 20, lowBytes: 3 << 20 };

/** What one held fragment costs besides its bytes (its record here; Linux's sk_buff is larger still). */
export const FRAGMENT_OVERHEAD = 64;

export class Reassembler {
  private readonly table = new Map<string, Datagram>();
  /** Bytes held (fragments' captured IP bytes + FRAGMENT_OVERHEAD each). */
  bytes = 0;
  /** Set by add(): the datagram concerned (null for R_BAD/R_CUT), whether add() created it, and why it failed. */
  dg: Datagram | null = null;
  created = false;
  why = -1;
  /** The datagrams add() evicted for room, oldest first (valid until the next add()). */
  readonly evicted: Datagram[] = [];
  readonly stats = new ReassemblyStats();

  constructor(readonly limits: ReassemblyLimits = LINUX_LIMITS) {}

  /** Datagrams held. */
  get size(): number { return this.table.size; }

  /**
   * When the oldest datagram times out (capture ns), Infinity when none is
   * held: a plain field, so an owner can test it for every packet for free.
   */
  deadline = Infinity;

  /**
   * Takes the fragment layer `l` (l.fragment) of frame `f` at capture time
   * `nowNs`. Returns R_*; this.dg, this.created and this.why say more.
   */
  add(f: DecodedFrame, l: IpLayer, nowNs: number): number {
    this.dg = null;
    this.created = false;
    this.why = -1;
    this.evicted.length = 0;
    const b = f.buf;
    const off = l.off;
    const v6 = l.version === 6;
    let fo: number, mf: boolean, dataAt: number, wireEnd: number, ecn: number;
    if (!v6) {
      if (!l.hdrCaptured) return this.fail(R_CUT, WHY_CUT, f.frame);
      const w = l.flagsFrag;
      fo = (w & 0x1fff) << 3;
      mf = (w & 0x2000) !== 0;
      dataAt = off + l.ihl;
      const total = l.totalLength;
      wireEnd = total !== 0 ? off + total : f.start + f.wireLen;
      ecn = b[off + 1]! & 3;
    } else {
      const p = l.fragHdrOff;
      const w = u16(b, p + 2);
      fo = w & 0xfff8;
      mf = (w & 1) !== 0;
      dataAt = p + 8;
      wireEnd = off + 40 + l.plen;
      ecn = (b[off + 1]! >> 4) & 3;
      // ipv6_frag_rcv: a jumbo payload inhibits the fragment header; a first fragment must hold its upper-layer header.
      if (l.plen === 0 || dataAt > wireEnd) return this.fail(R_BAD, WHY_BAD, f.frame);
      if (fo === 0 && upperHeaderCut(b, off, wireEnd, f.end)) return this.fail(R_BAD, WHY_BAD, f.frame);
    }
    if (dataAt > wireEnd) return this.fail(R_CUT, WHY_CUT, f.frame); // a length smaller than the header: not a usable fragment
    let end = fo + (wireEnd - dataAt);
    if (v6 && end > 65535) return this.fail(R_BAD, WHY_BAD, f.frame);
    if (v6 && mf && (end & 7) !== 0) return this.fail(R_BAD, WHY_BAD, f.frame);

    const capEnd = Math.min(f.end, wireEnd);
    const size = capEnd - off + FRAGMENT_OVERHEAD;
    if (this.bytes + size > this.limits.highBytes) this.evict(this.limits.lowBytes - size);

    const key = fragmentKey(f, l);
    let dg = this.table.get(key);
    if (dg === undefined) {
      dg = new Datagram(key, v6, nowNs);
      this.table.set(key, dg);
      this.created = true;
      if (this.table.size === 1) this.deadline = nowNs + this.limits.timeoutNs;
    }
    this.dg = dg;

    if (!mf) {
      if (end < dg.len || (dg.lastIn && end !== dg.len)) return this.discard(dg, WHY_LENGTH, f.frame);
      dg.lastIn = true;
      dg.len = end;
    } else {
      if (!v6) end &= ~7;
      if (end > dg.len) {
        if (dg.lastIn) return this.discard(dg, WHY_LENGTH, f.frame);
        dg.len = end;
      }
    }
    if (end === fo) return this.discard(dg, WHY_LENGTH, f.frame);
    const ins = dg.insert(fo, end);
    if (ins === INS_DUP) {
      this.why = WHY_DUP;
      this.stats.note(WHY_DUP, f.frame);
      return R_DUP;
    }
    if (ins === INS_OVERLAP) return this.discard(dg, WHY_OVERLAP, f.frame);

    const fr = new Fragment(fo, end, b.slice(off, capEnd), dataAt - off);
    dg.keep(fr);
    if (dg.rep === null) {
      dg.rep = fr;
      dg.repOrigin = originOf(f, l);
    }
    if (fo === 0) {
      dg.firstIn = true;
      if (v6) { dg.headFragHdr = l.fragHdrOff - off; dg.headNh = l.fragNhOff - off; }
    }
    dg.meat += end - fo;
    dg.ecn |= 1 << ecn;
    dg.bytes += size;
    this.bytes += size;
    if (!v6) {
      const fragSize = end - fo + l.ihl;
      if (fragSize > dg.maxSize) dg.maxSize = fragSize;
      if ((l.flagsFrag & 0x4000) !== 0 && fragSize > dg.maxDfSize) dg.maxDfSize = fragSize;
    }
    if (!dg.complete) return R_HELD;
    this.remove(dg);
    if (dg.ecnValue === 0xff) return this.failed(dg, WHY_ECN, f.frame);
    if (dg.headLength() + dg.len - (v6 ? 40 : 0) > 65535) return this.failed(dg, WHY_OVERSIZE, f.frame);
    this.stats.reassembled++;
    return R_DONE;
  }

  /**
   * Builds the complete datagram `dg` (after R_DONE) and decodes it into
   * `into`, as a packet that arrived with the fragment layer `l` of frame
   * `f` (its interface, tunnel, depth and frame number).
   */
  build(dg: Datagram, into: DecodedFrame, f: DecodedFrame, l: IpLayer): void {
    const { buf, captured } = dg.build();
    decodePacket(into, buf, captured, dg.v6, originOf(f, l));
  }

  /** Decodes the datagram's first fragment to arrive, as captured, into `into` (the args of its drop-in). */
  decodeRep(dg: Datagram, into: DecodedFrame): void {
    decodePacket(into, dg.rep!.pkt, dg.rep!.pkt.length, dg.v6, dg.repOrigin!);
  }

  /** Decodes the datagram's offset-0 fragment alone into `into`; false when it never arrived. */
  decodeHead(dg: Datagram, into: DecodedFrame): boolean {
    if (dg.head === null) return false;
    decodePacket(into, dg.head.pkt, dg.head.pkt.length, dg.v6, dg.repOrigin!);
    return true;
  }

  /** Removes and returns the datagrams whose time is up at `nowNs` (oldest first), counted as timed out. */
  expire(nowNs: number): Datagram[] {
    const out: Datagram[] = [];
    const t = this.limits.timeoutNs;
    for (const dg of this.table.values()) {
      if (dg.createdNs + t > nowNs) break;
      this.remove(dg);
      this.stats.note(WHY_TIMEOUT, dg.repOrigin?.frame ?? 0);
      out.push(dg);
    }
    return out;
  }

  /** Removes and returns every datagram still held (the end of the capture), counted as `why` (-1: not counted). */
  drain(why = WHY_PENDING): Datagram[] {
    const out = [...this.table.values()];
    for (const dg of out) {
      this.remove(dg);
      if (why >= 0) this.stats.note(why, dg.repOrigin?.frame ?? 0);
    }
    return out;
  }

  /** Removes a datagram without counting it (the owner gave up on it and counts it itself). */
  forget(dg: Datagram): void {
    if (this.table.get(dg.key) === dg) this.remove(dg);
  }

  /** Warning lines for the run's end. */
  summary(): string[] {
    return this.stats.lines(this.limits.timeoutNs, this.limits.highBytes);
  }

  private evict(target: number): void {
    for (const dg of this.table.values()) {
      if (this.bytes <= target) break;
      this.remove(dg);
      this.stats.note(WHY_EVICTED, dg.repOrigin?.frame ?? 0);
      this.evicted.push(dg);
    }
  }

  private remove(dg: Datagram): void {
    this.table.delete(dg.key);
    this.bytes -= dg.bytes;
    this.deadline = Infinity;
    for (const d of this.table.values()) { this.deadline = d.createdNs + this.limits.timeoutNs; break; }
  }

  private fail(r: number, why: number, frame: number): number {
    this.why = why;
    this.stats.note(why, frame);
    return r;
  }

  /** The datagram is discarded while held (inet_frag_kill): removed, counted, R_DISCARD. */
  private discard(dg: Datagram, why: number, frame: number): number {
    this.remove(dg);
    return this.failed(dg, why, frame);
  }

  private failed(dg: Datagram, why: number, frame: number): number {
    this.dg = dg;
    this.why = why;
    this.stats.note(why, frame);
    return R_DISCARD;
  }
}

function originOf(f: DecodedFrame, l: IpLayer): FragmentOrigin {
  return { frame: f.frame, ifName: l.ifName, ifIndex: f.ifIndex, direction: f.direction, tunnel: l.tunnel, tunnelKey: l.tunnelKey, depth: l.depth };
}

/**
 * Decodes an IP packet held in its own bytes (a reassembled datagram, a
 * kept fragment) into `into`, from its IP header: `captured` of its bytes are
 * there. Its outer layer takes the origin's interface, tunnel and depth.
 */
export function decodePacket(into: DecodedFrame, buf: Uint8Array, captured: number, v6: boolean, o: FragmentOrigin): void {
  into.reset();
  into.buf = buf;
  into.start = 0;
  into.capLen = captured;
  into.end = captured;
  into.wireLen = buf.length;
  into.frame = o.frame;
  into.ifIndex = o.ifIndex;
  into.linkType = -1;
  into.direction = o.direction;
  into.ifName = o.ifName;
  if (v6) decodeIpv6(into, 0, captured);
  else decodeIpv4(into, 0, captured);
  if (into.ipCount > 0) {
    const l0 = into.ip[0]!;
    l0.tunnel = o.tunnel;
    l0.tunnelKey = o.tunnelKey;
  }
  for (let i = 0; i < into.ipCount; i++) into.ip[i]!.depth += o.depth;
}

/**
 * ipv6frag_thdr_truncated: walking the extension headers of the packet at
 * `off` (ipv6_skip_exthdr: it gives up, answering "not cut", on a header
 * it cannot read, on no-next-header, and stops at a fragment header with an
 * offset), the upper-layer header (TCP 20, UDP 8, ICMPv6 8, anything else 1
 * byte) does not fit before `wireEnd`. Bytes past `capEnd` were not captured:
 * unknown, so not cut.
 */
function upperHeaderCut(b: Uint8Array, off: number, wireEnd: number, capEnd: number): boolean {
  let nh = b[off + 6]!;
  let p = off + 40;
  for (;;) {
    if (nh !== 0 && nh !== 43 && nh !== 44 && nh !== 51 && nh !== 59 && nh !== 60) break;
    if (nh === 59 || p + 2 > wireEnd || p + 2 > capEnd) return false;
    let len: number;
    if (nh === 44) {
      if (p + 4 > capEnd) return false;
      if ((u16(b, p + 2) & 0xfff8) !== 0) return false;
      len = 8;
    } else if (nh === 51) {
      len = (b[p + 1]! + 2) << 2;
    } else {
      len = (b[p + 1]! + 1) << 3;
    }
    nh = b[p]!;
    p += len;
  }
  const need = nh === 6 ? 20 : nh === 17 || nh === 58 ? 8 : 1;
  return p + need > wireEnd;
}
