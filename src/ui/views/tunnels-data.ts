/**
 * The Tunnels tab's data: which IP layers of packets.d's table belong
 * together as "a physical packet and the packets it carried".
 *
 * How packets.d's rows arrive (src/providers/net.ts): a frame fires once per
 * IP layer, received frames outermost first, sent frames innermost first (as
 * a kernel sends: the inner packet on the tunnel interface, then the outer
 * one on the NIC); a loopback frame fires its send path and then its receive
 * path. So the unit is a *run*: consecutive rows of one frame and one
 * direction. The run's outer (NIC) row is its first row when received, its
 * last when sent.
 *
 * Two kinds of group:
 * - same frame: a run of two or more layers (the decoder opened a cleartext
 *   tunnel: IP-in-IP, GRE, ERSPAN, VXLAN, GENEVE, …). The receive run of a
 *   loopback frame repeats its send run and is not a second group; a
 *   single-layer loopback frame (send and receive, one layer each) is no
 *   tunnel at all.
 * - inferred: only where the capture really has a tunnel captured as its own
 *   interface beside the NIC, whose outer packets the decoder could not open
 *   (ESP, NAT-T, or UDP with nothing decoded inside): each such outer row (a
 *   single-layer run on a non-tunnel interface) is paired with the nearest
 *   row in time of the same direction, within ESP_PAIR_WINDOW_NS, that is
 *   the outer row of its own frame on a tunnel interface (TUNNEL_IF) and
 *   smaller (it must fit inside). Each row pairs at most once. This is an
 *   inference from time and size, and the tab says so. A capture with no
 *   tunnel interface of its own gets no inferred pairs.
 *
 * tunnelGroups and inferEspPairs state the rules plainly (objects, strings);
 * TunnelIndex computes the same compactly and incrementally for millions of
 * rows, and a property test compares the two.
 */
import { NONE, type PacketTable, type StrCol, type U32Col } from '../../engine/packet-table.ts';
import { NATT_PROTO, NATT_ROWS } from '../../engine/packet-lines.ts';

/** One physical packet and the packets it carried: rows[0] is the outer (NIC) layer, then the inner ones, outermost first. */
export interface TunnelGroup { frame: number; rows: number[]; inferred?: boolean }

/** Names of tunnel interfaces (DESIGN.md's virtual ones: ip.tun0, gre0, vxlan<VNI>, …; Solaris ip.tunN; Linux tunN, ipsecN, vtiN, xfrmN, wgN; macOS utunN). */
export const TUNNEL_IF = /^(ip6?\.)?tun\d*$|^ip6?tnl|^gre|^vxlan|^geneve|^gtp|^ipsec|^vti|^xfrm|^wg\d|^utun|^teredo|^l2tp|^sit\d/;

/** How close in time an outer packet and a tunnel-interface packet must be to be paired (captures show tens of µs). */
export const ESP_PAIR_WINDOW_NS = 1_000_000;

const isEspName = (p: string): boolean => p === 'ESP' || p === NATT_PROTO;

/** Rows a and b are of one frame and one direction. */
function sameRun(t: PacketTable, a: number, b: number): boolean {
  return t.frame.get(a) === t.frame.get(b) && t.dir.get(a) === t.dir.get(b);
}

/** Row i is the outer layer of its run (the first row received, the last row sent); rows past the table's end are unknown, so not the same run. */
function isOuter(t: PacketTable, i: number): boolean {
  return t.dir.get(i) === 'send' ? !(i + 1 < t.length && sameRun(t, i, i + 1)) : !(i > 0 && sameRun(t, i - 1, i));
}

/** Row i is a run of its own (a frame with one IP layer in its direction). */
function alone(t: PacketTable, i: number): boolean {
  return !(i > 0 && sameRun(t, i - 1, i)) && !(i + 1 < t.length && sameRun(t, i, i + 1));
}

/** Same-frame groups, in table order, each outer row first. */
export function tunnelGroups(t: PacketTable): TunnelGroup[] {
  const groups: TunnelGroup[] = [];
  let prevFrame = -1;
  let prevSend = false;
  for (let i = 0; i < t.length;) {
    let j = i + 1;
    while (j < t.length && sameRun(t, i, j)) j++;
    const frame = t.frame.get(i);
    const send = t.dir.get(i) === 'send';
    const loopEcho = !send && prevSend && prevFrame === frame;
    if (j - i > 1 && !loopEcho) {
      const rows = Array.from({ length: j - i }, (_, k) => (send ? j - 1 - k : i + k));
      groups.push({ frame, rows });
    }
    prevFrame = frame;
    prevSend = send;
    i = j;
  }
  return groups;
}

/** Inferred pairs (see the file comment), in order of their outer row. */
export function inferEspPairs(t: PacketTable): TunnelGroup[] {
  const used = new Uint8Array(t.length);
  const out: TunnelGroup[] = [];
  for (let i = 0; i < t.length; i++) {
    const p = t.proto.get(i);
    if (used[i] || !(isEspName(p) || p === 'UDP') || !alone(t, i) || TUNNEL_IF.test(t.ifName.get(i))) continue;
    let best = -1;
    let bestDt = Infinity;
    const consider = (j: number): void => {
      if (used[j] || isEspName(t.proto.get(j)) || t.ifName.get(j) === t.ifName.get(i) || t.dir.get(j) !== t.dir.get(i) || t.total.get(j) >= t.total.get(i) || t.frame.get(j) === t.frame.get(i)) return;
      if (!TUNNEL_IF.test(t.ifName.get(j)) || !isOuter(t, j)) return;
      const dt = Math.abs(t.relNs.get(j) - t.relNs.get(i));
      if (dt < bestDt) { bestDt = dt; best = j; }
    };
    for (let j = i - 1; j >= 0 && t.relNs.get(i) - t.relNs.get(j) <= ESP_PAIR_WINDOW_NS; j--) consider(j);
    for (let j = i + 1; j < t.length && t.relNs.get(j) - t.relNs.get(i) <= ESP_PAIR_WINDOW_NS; j++) consider(j);
    if (best >= 0) {
      used[best] = 1;
      used[i] = 1;
      out.push({ frame: t.frame.get(i), rows: [i, best], inferred: true });
    }
  }
  return out;
}

/** Int32Array growth by doubling (a copy of a few MB: well under a millisecond per doubling). */
function grow32(a: Int32Array<ArrayBuffer>, n: number): Int32Array<ArrayBuffer> {
  if (n <= a.length) return a;
  const b = new Int32Array(Math.max(n, a.length * 2));
  b.set(a);
  return b;
}

/** One row of the "Tunnel interfaces" table. */
export interface TunnelPair { outer: string; inner: string; packets: number; outerBytes: number; innerBytes: number; overhead: number; perPacket: number; pairing: string }

const SAME_FRAME = 'same frame';
const INFERRED = 'inferred (time, size)';
/** gInner for a same-frame group whose inner rows follow the outer row (received) or precede it (sent). */
const FORWARD = -1;
const BACKWARD = -2;

/**
 * The Tunnels tab's groups, compact and incremental: what
 * `[...tunnelGroups(t), ...inferEspPairs(t)]` sorted (stably) by outer row
 * gives, as typed arrays, and the per-interface-pair table, for millions of
 * rows without an object per group or a string key per packet.
 *
 * Passes, each resumable (advance() works in bounded slices, and a table that
 * grows while its run streams is read only from where the last call stopped):
 *
 * 1. Same-frame groups: runs of rows of one frame and direction, two rows or
 *    more, not a loopback frame's receive run (sgRow: the outer row, sgLen,
 *    sgDir). A run is closed once a row of another run follows (or the table
 *    is final).
 * 2. Inferred pairs: inferEspPairs's greedy loop, row by row in the same
 *    order with the same `used` marks, on dictionary codes instead of
 *    strings. Row i is decided only when its forward scan ended on a row
 *    present and settled (a later "udp" line may still re-mark the last
 *    NATT_ROWS rows as NAT-T; a row's run may still grow), so the result is
 *    the one the whole table gives.
 * 3. Merge: the two sequences are each in outer-row order; a group is
 *    emitted once no group of the other pass can still come before it (a
 *    same-frame group first on a tie, as the stable sort put it). Emitting
 *    appends the group's lines (one per row) and adds it to the
 *    interface-pair table, keyed by (outer interface code, inner interface
 *    code, inferred) as a number.
 *
 * Lines: group g's lines are gLine[g] … gLine[g + 1] − 1; its first line is
 * the outer row gRow[g]; the others are the partner row gInner[g] (inferred,
 * gInner ≥ 0), or gRow[g] + 1, + 2 … (FORWARD) or gRow[g] − 1, − 2 …
 * (BACKWARD).
 */
export class TunnelIndex {
  /** Groups emitted, and lines (rows of all groups). */
  groups = 0;
  lines = 0;
  inferred = 0;
  gLine = new Int32Array(1024);
  gRow = new Int32Array(1024);
  gInner = new Int32Array(1024);
  /** The interface-pair table, in order of first appearance. */
  readonly pairs: TunnelPair[] = [];
  /** Everything read and emitted, the table final. */
  done = false;

  // Pass 1: same-frame groups found, not yet emitted (sgNext … sgN − 1); rows before sgAt are scanned.
  private sgRow = new Int32Array(1024);
  private sgLen = new Int32Array(1024);
  private sgBack = new Uint8Array(1024);
  private sgN = 0;
  private sgNext = 0;
  private sgAt = 0;
  /** The last closed run's frame and whether it was sent (a loopback frame's receive run follows its send run). */
  private prevFrame = -1;
  private prevSend = false;
  // Pass 2: pairs found (epNext … epN − 1); rows before epAt are decided.
  private epRow = new Int32Array(1024);
  private epBest = new Int32Array(1024);
  private epN = 0;
  private epNext = 0;
  private epAt = 0;
  private used = new Uint8Array(1024);
  private codes: { esp: number; natt: number; udp: number; send: number } | null = null;
  private tunnelIf = new Map<number, boolean>();
  // Pass 3.
  private pairAt = new Map<number | string, number>();
  /** The last pair's key and index: consecutive packets of one tunnel skip the Map. */
  private lastKey: number | string = -1;
  private lastPair = -1;

  constructor() { this.gLine[0] = 0; }

  /** The group holding line `l` (binary search over gLine). */
  groupOf(l: number): number {
    let lo = 0;
    let hi = this.groups - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (this.gLine[mid]! <= l) lo = mid; else hi = mid - 1;
    }
    return lo;
  }

  /** The table row line `l` shows. */
  rowOf(l: number): number {
    const g = this.groupOf(l);
    return this.rowIn(g, l - this.gLine[g]!);
  }

  /** The row of group g's line d (0: the outer row). */
  rowIn(g: number, d: number): number {
    const o = this.gRow[g]!;
    if (d === 0) return o;
    const inner = this.gInner[g]!;
    return inner >= 0 ? inner : inner === BACKWARD ? o - d : o + d;
  }

  /**
   * Reads t (the same table, maybe grown since the last call) until `deadline`
   * (by `now`); `final`: t will not grow. Returns true when everything is read
   * and emitted (call again after more rows arrive).
   */
  advance(t: PacketTable, final: boolean, deadline = Infinity, now: () => number = () => performance.now()): boolean {
    const SLICE = 1024;
    if (final && this.sgAt === 0 && this.epAt === 0) {
      // A complete table read from the start: room for the usual case (every frame a two-layer group) at once,
      // rather than twenty doublings of five arrays (garbage that made collection pauses).
      const hint = (t.length >>> 1) + 1;
      this.gLine = grow32(this.gLine, hint + 1);
      this.gRow = grow32(this.gRow, hint);
      this.gInner = grow32(this.gInner, hint);
      this.sgRow = grow32(this.sgRow, hint);
      this.sgLen = grow32(this.sgLen, hint);
    }
    for (;;) {
      const moreSame = this.sameFrame(t, final, SLICE);
      const moreEsp = this.esp(t, final, SLICE);
      this.merge(t, final);
      if (!moreSame && !moreEsp) break;
      if (now() >= deadline) return false;
    }
    this.done = final && this.sgNext === this.sgN && this.epNext === this.epN;
    return true;
  }

  private codesOf(t: PacketTable): { esp: number; natt: number; udp: number; send: number } {
    // Codes of the names (NONE until they appear; looked up again while absent).
    const c = this.codes;
    if (c && c.esp !== NONE && c.natt !== NONE && c.udp !== NONE && c.send !== NONE) return c;
    const dict = t.proto.dict;
    this.codes = { esp: dict.lookup('ESP'), natt: dict.lookup(NATT_PROTO), udp: dict.lookup('UDP'), send: dict.lookup('send') };
    return this.codes;
  }

  /** Pass 1 over about `budget` rows; true when it stopped for the budget with rows left. */
  private sameFrame(t: PacketTable, final: boolean, budget: number): boolean {
    const n = t.length;
    const { frame, dir } = t;
    const send = this.codesOf(t).send;
    let i = this.sgAt;
    const stop = Math.min(n, i + budget);
    while (i < stop) {
      const f = frame.get(i);
      const d = dir.code(i);
      let j = i + 1;
      while (j < n && frame.get(j) === f && same(dir, i, j, d)) j++;
      if (j === n && !final) break;
      const isSend = d === send && send !== NONE ? true : d === NONE ? dir.get(i) === 'send' : false;
      const loopEcho = !isSend && this.prevSend && this.prevFrame === f;
      if (j - i > 1 && !loopEcho) {
        this.sgRow = grow32(this.sgRow, this.sgN + 1);
        this.sgLen = grow32(this.sgLen, this.sgN + 1);
        if (this.sgBack.length < this.sgN + 1) { const b = new Uint8Array(this.sgBack.length * 2); b.set(this.sgBack); this.sgBack = b; }
        this.sgRow[this.sgN] = isSend ? j - 1 : i;
        this.sgLen[this.sgN] = j - i;
        this.sgBack[this.sgN] = isSend ? 1 : 0;
        this.sgN++;
      }
      this.prevFrame = f;
      this.prevSend = isSend;
      i = j;
    }
    this.sgAt = i;
    // Stopped by the budget, not by a run still open.
    return i >= stop && stop < n;
  }

  /** Pass 2 over at most `budget` rows; true when it stopped for the budget with rows left. */
  private esp(t: PacketTable, final: boolean, budget: number): boolean {
    const { esp, natt, udp: udpC, send } = this.codesOf(t);
    const { proto, ifName, dir, total, relNs, frame } = t;
    const n = t.length;
    const settled = final ? n : Math.max(0, n - NATT_ROWS);
    if (this.used.length < n) { const u = new Uint8Array(Math.max(n, this.used.length * 2)); u.set(this.used); this.used = u; }
    const used = this.used;
    const isEspRow = (k: number): boolean => { const c = proto.code(k); return c === NONE ? isEspName(proto.get(k)) : c === esp || c === natt; };
    const isSendRow = (k: number): boolean => { const c = dir.code(k); return c === NONE ? dir.get(k) === 'send' : c === send; };
    const runWith = (a: number, b: number): boolean => frame.get(a) === frame.get(b) && same(dir, a, b, dir.code(a));
    // Rows past the end are not known yet; callers only ask about rows below `settled`, whose neighbours are present.
    const outer = (k: number): boolean => (isSendRow(k) ? !(k + 1 < n && runWith(k, k + 1)) : !(k > 0 && runWith(k - 1, k)));
    const single = (k: number): boolean => !(k > 0 && runWith(k - 1, k)) && !(k + 1 < n && runWith(k, k + 1));
    const tunnelIf = (k: number): boolean => {
      const c = ifName.code(k);
      if (c === NONE) return TUNNEL_IF.test(ifName.get(k));
      let v = this.tunnelIf.get(c);
      if (v === undefined) { v = TUNNEL_IF.test(ifName.get(k)); this.tunnelIf.set(c, v); }
      return v;
    };
    // Row i's fields, read once per candidate row; consider() is made once per slice, not per row (no allocation per packet).
    let ti = 0;
    let si = 0;
    let fi = 0;
    let ci = 0;
    let best: number;
    let bestDt: number;
    const consider = (j: number): void => {
      if (used[j] || isEspRow(j) || sameStr(ifName, j, ci) || !sameStr(dir, j, ci) || total.get(j) >= si || frame.get(j) === fi) return;
      if (!tunnelIf(j) || !outer(j)) return;
      const dt = Math.abs(relNs.get(j) - ti);
      if (dt < bestDt) { bestDt = dt; best = j; }
    };
    let i = this.epAt;
    const stop = Math.min(settled, i + budget);
    for (; i < stop; i++) {
      if (used[i]) continue;
      const pc = proto.code(i);
      const isUdp = pc === NONE ? proto.get(i) === 'UDP' : pc === udpC;
      if (!isUdp && !isEspRow(i)) continue;
      if (!single(i) || tunnelIf(i)) continue;
      ci = i;
      ti = relNs.get(i);
      si = total.get(i);
      fi = frame.get(i);
      best = -1;
      bestDt = Infinity;
      for (let j = i - 1; j >= 0 && ti - relNs.get(j) <= ESP_PAIR_WINDOW_NS; j--) consider(j);
      let j = i + 1;
      for (; j < settled && relNs.get(j) - ti <= ESP_PAIR_WINDOW_NS; j++) consider(j);
      // The forward scan ran into rows not yet settled: decide row i later.
      if (j === settled && !final) break;
      if (best >= 0) {
        used[best] = 1;
        used[i] = 1;
        this.epRow = grow32(this.epRow, this.epN + 1);
        this.epBest = grow32(this.epBest, this.epN + 1);
        this.epRow[this.epN] = i;
        this.epBest[this.epN] = best;
        this.epN++;
      }
    }
    this.epAt = i;
    return i >= stop && stop < settled;
  }

  /** Pass 3: emits the groups whose place is certain. */
  private merge(t: PacketTable, final: boolean): void {
    const sgDone = final && this.sgAt >= t.length ? Infinity : this.sgAt;
    const epDone = final && this.epAt >= t.length ? Infinity : this.epAt;
    for (;;) {
      const a = this.sgNext < this.sgN ? this.sgRow[this.sgNext]! : Infinity;
      const b = this.epNext < this.epN ? this.epRow[this.epNext]! : Infinity;
      if (a !== Infinity && a <= b && a <= epDone) {
        this.emit(t, a, this.sgLen[this.sgNext]!, this.sgBack[this.sgNext] ? BACKWARD : FORWARD);
        this.sgNext++;
      } else if (b !== Infinity && b < a && b < sgDone) {
        this.emit(t, b, 2, this.epBest[this.epNext]!);
        this.epNext++;
      } else break;
    }
  }

  private emit(t: PacketTable, row: number, len: number, inner: number): void {
    const g = this.groups;
    this.gLine = grow32(this.gLine, g + 2);
    this.gRow = grow32(this.gRow, g + 1);
    this.gInner = grow32(this.gInner, g + 1);
    this.gRow[g] = row;
    this.gInner[g] = inner;
    this.lines += len;
    this.gLine[g + 1] = this.lines;
    this.groups++;
    if (inner >= 0) { this.inferred++; this.count(t, row, inner, 1); } else for (let d = 1; d < len; d++) this.count(t, row, this.rowIn(g, d), 0);
  }

  /** Adds one (outer, inner) packet to its interface pair. */
  private count(t: PacketTable, o: number, i: number, inferred: number): void {
    const co = t.ifName.code(o);
    const ci = t.ifName.code(i);
    // A number key while both codes are below 2^20 (the default dictionary's size), exact in a double; else (NONE, huge dictionaries) a string.
    const key = co < 0x100000 && ci < 0x100000 ? (co * 0x100000 + ci) * 2 + inferred : `${t.ifName.get(o)}\u0000${t.ifName.get(i)}\u0000${inferred}`;
    let k = key === this.lastKey ? this.lastPair : this.pairAt.get(key);
    if (k === undefined) {
      k = this.pairs.length;
      this.pairs.push({ outer: t.ifName.get(o), inner: t.ifName.get(i), packets: 0, outerBytes: 0, innerBytes: 0, overhead: 0, perPacket: 0, pairing: inferred ? INFERRED : SAME_FRAME });
      this.pairAt.set(key, k);
    }
    this.lastKey = key;
    this.lastPair = k;
    const p = this.pairs[k]!;
    const ot = t.total.get(o);
    const it = t.total.get(i);
    p.packets++;
    p.outerBytes += ot;
    p.innerBytes += it;
    p.overhead += ot - it;
    p.perPacket = p.overhead / p.packets;
  }
}

/** Rows a and b hold the same string in col (ca: a's code, passed when already read). A NONE value is never in the dictionary, so it equals only another NONE of the same text. */
function same(col: StrCol, a: number, b: number, ca: number): boolean {
  const cb = col.code(b);
  return ca === NONE || cb === NONE ? ca === cb && col.get(a) === col.get(b) : ca === cb;
}
const sameStr = (col: StrCol, a: number, b: number): boolean => same(col, a, b, col.code(a));

const indexByTable = new WeakMap<U32Col, TunnelIndex>();
/** The TunnelIndex of a table, by its frame column: the same object while the table grows, whatever copies of the table object are made. */
export function tunnelIndexOf(t: PacketTable): TunnelIndex {
  let x = indexByTable.get(t.frame);
  if (!x) { x = new TunnelIndex(); indexByTable.set(t.frame, x); }
  return x;
}
