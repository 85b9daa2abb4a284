/**
 * A columnar table of packets.d's lines (one per IP layer per frame), built
 * incrementally as output batches arrive, on the main thread.
 *
 * Memory and GC: a million rows must not mean millions of heap objects, nor
 * big JS arrays that the garbage collector scans and copies as they grow
 * (measured: 70-100 ms mark-compact pauses while a million-row table was
 * built from JS arrays). So columns are typed-array blocks of BLOCK rows
 * (off-heap; growing allocates one block and never copies: doubling a
 * three-million-row array took a 100+ ms task), `length` says how many rows
 * are valid. Numeric columns are NumCols; string columns (direction,
 * interface, addresses, protocol) are StrCols: codes into one shared
 * dictionary, each distinct value kept once (up to a cap of distinct values;
 * rarer values past it are kept per row). Five million rows hold a few
 * thousand strings, not twenty-five million.
 *
 * Times: packets.d prints `timestamp` as exact integer nanoseconds (more than
 * 2^53), so each is split into seconds and nanoseconds and kept relative to
 * the first row, which fits a double exactly for any capture shorter than
 * 104 days.
 */

/** Distinct strings a table's dictionary keeps; values past it are stored per row. */
export const MAX_INTERNED = 1 << 20;
/** The code of a value the dictionary does not hold (StrCol.code: that row's value is kept per row). */
export const NONE = 0xffffffff;

/** The dictionary shared by a table's string columns. */
export class Interner {
  readonly strings: string[] = [];
  private codes = new Map<string, number>();
  constructor(readonly max = MAX_INTERNED) {}
  get size(): number { return this.strings.length; }
  /** The value's code if it is in the dictionary, else NONE (never adds). */
  lookup(s: string): number { return this.codes.get(s) ?? NONE; }
  /** The value's code, or NONE when the dictionary is full and the value is new. */
  code(s: string): number {
    const c = this.codes.get(s);
    if (c !== undefined) return c;
    if (this.strings.length >= this.max) return NONE;
    // A slice of 13+ characters may be a view retaining the whole message it was cut from: keep a copy.
    const own = s.length >= 13 ? (JSON.parse(JSON.stringify(s)) as string) : s;
    this.codes.set(own, this.strings.length);
    this.strings.push(own);
    return this.strings.length - 1;
  }
}

/** Rows per column block. */
const SHIFT = 16;
const BLOCK = 1 << SHIFT;
const MASK = BLOCK - 1;

/** A column of numbers in Float64Array blocks (exact integers to 2^53). */
export class NumCol {
  private blocks: Float64Array[] = [];
  /** The blocks, each BLOCK rows (the last partly valid), for loops over every row. */
  get chunks(): readonly Float64Array[] { return this.blocks; }
  get(i: number): number { return this.blocks[i >>> SHIFT]![i & MASK]!; }
  set(i: number, v: number): void {
    const b = i >>> SHIFT;
    while (b >= this.blocks.length) this.blocks.push(new Float64Array(BLOCK));
    this.blocks[b]![i & MASK] = v;
  }
}

/** A column of strings as codes into an Interner, in Uint32Array blocks. */
export class StrCol {
  private blocks: Uint32Array[] = [];
  /** Values not in the dictionary (it was full), by row. */
  private rare: Map<number, string> | null = null;
  constructor(readonly dict: Interner) {}
  /** Row i's dictionary code (NONE: a rare value, read it with get). Equal codes other than NONE mean equal strings. */
  code(i: number): number { return this.blocks[i >>> SHIFT]![i & MASK]!; }
  get(i: number): string {
    const c = this.blocks[i >>> SHIFT]![i & MASK]!;
    return c === NONE ? this.rare?.get(i) ?? '' : this.dict.strings[c]!;
  }
  set(i: number, s: string): void {
    const b = i >>> SHIFT;
    while (b >= this.blocks.length) this.blocks.push(new Uint32Array(BLOCK));
    const c = this.dict.code(s);
    this.blocks[b]![i & MASK] = c;
    if (c === NONE) (this.rare ??= new Map()).set(i, s);
  }
}

export interface PacketTable {
  length: number;
  /** ns since the first row. */
  relNs: NumCol;
  frame: NumCol;
  dir: StrCol;
  ifName: StrCol;
  src: StrCol;
  dst: StrCol;
  payload: NumCol;
  total: NumCol;
  proto: StrCol;
  /** Absolute time of the first row, "sec.nnnnnnnnn". */
  base: string;
  /** Lines that did not have packets.d's shape (messages from other clauses, say). */
  skipped: number;
}

export function emptyPacketTable(maxInterned = MAX_INTERNED): PacketTable {
  const dict = new Interner(maxInterned);
  return {
    length: 0, relNs: new NumCol(), frame: new NumCol(), payload: new NumCol(), total: new NumCol(),
    dir: new StrCol(dict), ifName: new StrCol(dict), src: new StrCol(dict), dst: new StrCol(dict), proto: new StrCol(dict),
    base: '', skipped: 0,
  };
}

/** UDP-encapsulated ESP (RFC 3948 NAT traversal). */
export const NATT_PORT = 4500;
export const NATT_PROTO = 'ESP (NAT-T)';
/** How many of the last rows a later "udp" line may still re-mark as NAT-T (markNatt). */
export const NATT_ROWS = 8;

/** The decimal digits text[a, b) as a number, or -1 when empty or not all digits (no allocation). */
function digits(text: string, a: number, b: number): number {
  if (a >= b) return -1;
  let v = 0;
  for (let k = a; k < b; k++) {
    const c = text.charCodeAt(k) - 48;
    if (c < 0 || c > 9) return -1;
    v = v * 10 + c;
  }
  return v;
}

/** A numeric field as Number() reads it, without allocating in the usual all-digits case. */
function num(text: string, a: number, b: number): number {
  const v = digits(text, a, b);
  return v >= 0 ? v : Number(text.slice(a, b));
}

export class PacketTableBuilder {
  readonly table: PacketTable;
  constructor(maxInterned = MAX_INTERNED) { this.table = emptyPacketTable(maxInterned); }
  /** Distinct strings kept so far (for tests). */
  get interned(): number { return this.table.dir.dict.size; }
  private partial = '';
  /** Frames whose UDP datagram uses port 4500 (from packets.d's "udp" lines). */
  private natt = new Set<number>();
  private baseSec = 0;
  private baseNs = 0;

  /** Tab positions of the line being parsed (reused: no per-line allocation). */
  private tabs = new Int32Array(9);

  /**
   * Feeds a chunk of stdout text (lines may be split across chunks). Lines are
   * parsed in place, by tab positions: only the string fields are sliced out
   * (and looked up in the dictionary), numbers are read digit by digit; so a
   * line allocates five short strings that die young, not twelve.
   */
  feed(text: string): void {
    let s = 0;
    if (this.partial) {
      const nl = text.indexOf('\n');
      if (nl < 0) { this.partial += text; return; }
      const l = this.partial + text.slice(0, nl);
      this.partial = '';
      this.line(l, 0, l.length);
      s = nl + 1;
    }
    for (let nl = text.indexOf('\n', s); nl >= 0; nl = text.indexOf('\n', s)) {
      this.line(text, s, nl);
      s = nl + 1;
    }
    this.partial = s < text.length ? text.slice(s) : '';
  }

  finish(): PacketTable {
    if (this.partial) this.line(this.partial, 0, this.partial.length);
    this.partial = '';
    return this.table;
  }

  /** Parses text[a, b), one line without its newline. */
  private line(text: string, a: number, b: number): void {
    if (a === b) return;
    const tabs = this.tabs;
    let n = 0;
    for (let k = text.indexOf('\t', a); k >= 0 && k < b; k = text.indexOf('\t', k + 1)) {
      if (n < tabs.length) tabs[n] = k;
      n++;
    }
    const t = this.table;
    if (n === 3 && tabs[0] === a + 3 && text.startsWith('udp', a)) {
      if (num(text, tabs[1]! + 1, tabs[2]!) === NATT_PORT || num(text, tabs[2]! + 1, b) === NATT_PORT) this.markNatt(num(text, tabs[0]! + 1, tabs[1]!));
      return;
    }
    const e0 = tabs[0]!;
    if (n !== 8 || e0 === a) { t.skipped++; return; }
    const sec = e0 - a > 9 ? digits(text, a, e0 - 9) : 0;
    const ns = digits(text, Math.max(a, e0 - 9), e0);
    if (sec < 0 || ns < 0) { t.skipped++; return; }
    if (t.length === 0) {
      this.baseSec = sec; this.baseNs = ns;
      t.base = `${sec}.${String(ns).padStart(9, '0')}`;
    }
    const i = t.length;
    t.relNs.set(i, (sec - this.baseSec) * 1e9 + (ns - this.baseNs));
    const frame = num(text, e0 + 1, tabs[1]!);
    t.frame.set(i, frame);
    t.dir.set(i, text.slice(tabs[1]! + 1, tabs[2]!));
    t.ifName.set(i, text.slice(tabs[2]! + 1, tabs[3]!));
    t.src.set(i, text.slice(tabs[3]! + 1, tabs[4]!));
    t.dst.set(i, text.slice(tabs[4]! + 1, tabs[5]!));
    t.payload.set(i, num(text, tabs[5]! + 1, tabs[6]!));
    t.total.set(i, num(text, tabs[6]! + 1, tabs[7]!));
    const proto = text.slice(tabs[7]! + 1, b);
    t.proto.set(i, proto === 'UDP' && this.natt.has(frame) ? NATT_PROTO : proto);
    t.length++;
  }

  /** The udp line may come before or after its frame's IP line: mark both ways (only the last rows can be that frame). */
  private markNatt(frame: number): void {
    this.natt.add(frame);
    const t = this.table;
    for (let i = t.length - 1; i >= 0 && i >= t.length - NATT_ROWS; i--) if (t.frame.get(i) === frame && t.proto.get(i) === 'UDP') t.proto.set(i, NATT_PROTO);
  }
}

/** One frame that fired more than once: the outer (NIC) layer and the inner ones it carried. */
export interface TunnelGroup { frame: number; rows: number[]; inferred?: boolean }

/**
 * Frames with more than one IP layer, in frame order. With inferEspPairs, the
 * plain statement of the Tunnels tab's grouping: TunnelIndex computes the same
 * compactly and incrementally, and its property test compares the two.
 */
export function tunnelGroups(t: PacketTable): TunnelGroup[] {
  const groups: TunnelGroup[] = [];
  let i = 0;
  while (i < t.length) {
    let j = i + 1;
    while (j < t.length && t.frame.get(j) === t.frame.get(i)) j++;
    if (j - i > 1) groups.push({ frame: t.frame.get(i), rows: Array.from({ length: j - i }, (_, k) => i + k) });
    i = j;
  }
  return groups;
}

const isEsp = (p: string): boolean => p === 'ESP' || p === NATT_PROTO;
/** Names of virtual tunnel interfaces (DESIGN.md: ip.tun0, gre0, vxlan<VNI>; Solaris ip.tunN; Linux tunN, ipsecN). */
export const TUNNEL_IF = /^(ip\.)?tun\d*$|^ip6?tnl|^gre|^vxlan|^geneve|^gtp|^ipsec|^vti/;

/** How close in time an ESP packet and a tunnel-interface packet must be to be paired (captures show tens of µs). */
export const ESP_PAIR_WINDOW_NS = 1_000_000;

/**
 * Tunnels captured as separate interfaces (IPsec ESP: the NIC sees only the
 * encrypted packet, the tunnel interface the cleartext one, in separate
 * frames). Each ESP row is paired with the nearest-in-time row of the same
 * direction on another interface within ESP_PAIR_WINDOW_NS whose packet is
 * smaller (it must fit inside); each row pairs at most once. A UDP row counts
 * as ESP when its partner is on a tunnel interface (NAT-T ESP rides in UDP
 * 4500, and the ip provider's protocol is then UDP). This is an inference
 * from time and size, and the UI says so.
 */
export function inferEspPairs(t: PacketTable): TunnelGroup[] {
  const used = new Uint8Array(t.length);
  const out: TunnelGroup[] = [];
  for (let i = 0; i < t.length; i++) {
    const udp = t.proto.get(i) === 'UDP';
    if (!isEsp(t.proto.get(i)) && !udp) continue;
    let best = -1;
    let bestDt = Infinity;
    for (let j = i - 1; j >= 0 && t.relNs.get(i) - t.relNs.get(j) <= ESP_PAIR_WINDOW_NS; j--) consider(j);
    for (let j = i + 1; j < t.length && t.relNs.get(j) - t.relNs.get(i) <= ESP_PAIR_WINDOW_NS; j++) consider(j);
    if (best >= 0) {
      used[best] = 1;
      used[i] = 1;
      out.push({ frame: t.frame.get(i), rows: [i, best], inferred: true });
    }
    function consider(j: number): void {
      if (used[j] || isEsp(t.proto.get(j)) || t.ifName.get(j) === t.ifName.get(i) || t.dir.get(j) !== t.dir.get(i) || t.total.get(j) >= t.total.get(i) || t.frame.get(j) === t.frame.get(i)) return;
      if (udp && !TUNNEL_IF.test(t.ifName.get(j))) return;
      const dt = Math.abs(t.relNs.get(j) - t.relNs.get(i));
      if (dt < bestDt) { bestDt = dt; best = j; }
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

/**
 * The Tunnels tab's groups, compact and incremental: what
 * `[...tunnelGroups(t), ...inferEspPairs(t)]` sorted (stably) by first row
 * gives, as typed arrays, and the per-interface-pair table, for millions of
 * rows without an object per group or a string key per packet.
 *
 * Passes, each resumable (advance() works in bounded slices, and a table that
 * grows while its run streams is read only from where the last call stopped):
 *
 * 1. Same-frame groups: runs of rows with one frame number and more than one
 *    row (sgRow/sgLen). A run is closed once a row of another frame follows
 *    (or the table is final).
 * 2. ESP pairs: inferEspPairs's greedy loop, row by row in the same order with
 *    the same `used` marks, on dictionary codes instead of strings. Row i is
 *    decided only when its forward scan ended on a row present and settled (a
 *    later "udp" line may still re-mark the last NATT_ROWS rows as NAT-T), so
 *    the result is the one the whole table gives.
 * 3. Merge: the two sequences are each in first-row order; a group is emitted
 *    once no group of the other pass can still come before it (a same-frame
 *    group first on a tie, as the stable sort put it). Emitting appends the
 *    group's lines (one per row) and adds it to the interface-pair table,
 *    keyed by (outer interface code, inner interface code, inferred) as a
 *    number.
 *
 * Lines: group g's lines are gLine[g] … gLine[g + 1] − 1; its first line is
 * the outer row gRow[g]; the others are gRow[g] + 1 … (same frame) or the
 * partner row gInner[g] (inferred, gInner ≥ 0).
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
  private sgN = 0;
  private sgNext = 0;
  private sgAt = 0;
  // Pass 2: ESP pairs found (epNext … epN − 1); rows before epAt are decided.
  private epRow = new Int32Array(1024);
  private epBest = new Int32Array(1024);
  private epN = 0;
  private epNext = 0;
  private epAt = 0;
  private used = new Uint8Array(1024);
  private codes: { esp: number; natt: number; udp: number } | null = null;
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
    const d = l - this.gLine[g]!;
    return d === 0 ? this.gRow[g]! : this.gInner[g]! >= 0 ? this.gInner[g]! : this.gRow[g]! + d;
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

  /** Pass 1 over about `budget` rows; true when it stopped for the budget with rows left. */
  private sameFrame(t: PacketTable, final: boolean, budget: number): boolean {
    const n = t.length;
    let i = this.sgAt;
    const stop = Math.min(n, i + budget);
    while (i < stop) {
      const f = t.frame.get(i);
      let j = i + 1;
      while (j < n && t.frame.get(j) === f) j++;
      if (j === n && !final) break;
      if (j - i > 1) {
        this.sgRow = grow32(this.sgRow, this.sgN + 1);
        this.sgLen = grow32(this.sgLen, this.sgN + 1);
        this.sgRow[this.sgN] = i;
        this.sgLen[this.sgN] = j - i;
        this.sgN++;
      }
      i = j;
    }
    this.sgAt = i;
    // Stopped by the budget, not by a run still open.
    return i >= stop && stop < n;
  }

  /** Pass 2 over at most `budget` rows; true when it stopped for the budget with rows left. */
  private esp(t: PacketTable, final: boolean, budget: number): boolean {
    const dict = t.proto.dict;
    // Codes of the protocol names (NONE until they appear; looked up again while absent).
    if (!this.codes || this.codes.esp === NONE || this.codes.natt === NONE || this.codes.udp === NONE) {
      this.codes = { esp: dict.lookup('ESP'), natt: dict.lookup(NATT_PROTO), udp: dict.lookup('UDP') };
    }
    const { esp, natt, udp: udpC } = this.codes;
    const { proto, ifName, dir, total, relNs, frame } = t;
    const settled = final ? t.length : Math.max(0, t.length - NATT_ROWS);
    if (this.used.length < t.length) { const u = new Uint8Array(Math.max(t.length, this.used.length * 2)); u.set(this.used); this.used = u; }
    const used = this.used;
    const isEspRow = (k: number): boolean => { const c = proto.code(k); return c === NONE ? isEsp(proto.get(k)) : c === esp || c === natt; };
    /** Equal strings, by code (a NONE value is never in the dictionary, so it equals only another NONE of the same text). */
    const same = (col: StrCol, a: number, b: number): boolean => {
      const ca = col.code(a);
      const cb = col.code(b);
      return ca === NONE || cb === NONE ? ca === cb && col.get(a) === col.get(b) : ca === cb;
    };
    const tunnelIf = (k: number): boolean => {
      const c = ifName.code(k);
      if (c === NONE) return TUNNEL_IF.test(ifName.get(k));
      let v = this.tunnelIf.get(c);
      if (v === undefined) { v = TUNNEL_IF.test(ifName.get(k)); this.tunnelIf.set(c, v); }
      return v;
    };
    // Row i's fields, read once per ESP row; consider() is made once per slice, not per row (no allocation per packet).
    let isUdp = false;
    let ti = 0;
    let si = 0;
    let fi = 0;
    let ci = 0;
    let best: number;
    let bestDt: number;
    const consider = (j: number): void => {
      if (used[j] || isEspRow(j) || same(ifName, j, ci) || !same(dir, j, ci) || total.get(j) >= si || frame.get(j) === fi) return;
      if (isUdp && !tunnelIf(j)) return;
      const dt = Math.abs(relNs.get(j) - ti);
      if (dt < bestDt) { bestDt = dt; best = j; }
    };
    let i = this.epAt;
    const stop = Math.min(settled, i + budget);
    for (; i < stop; i++) {
      const pc = proto.code(i);
      isUdp = pc === NONE ? proto.get(i) === 'UDP' : pc === udpC;
      if (!isUdp && !isEspRow(i)) continue;
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
        this.emit(t, a, this.sgLen[this.sgNext]!, -1);
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
    if (inner >= 0) { this.inferred++; this.count(t, row, inner, 1); } else for (let k = 1; k < len; k++) this.count(t, row, row + k, 0);
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

const indexByTable = new WeakMap<NumCol, TunnelIndex>();
/** The TunnelIndex of a table, by its frame column: the same object while the table grows, whatever copies of the table object are made. */
export function tunnelIndexOf(t: PacketTable): TunnelIndex {
  let x = indexByTable.get(t.frame);
  if (!x) { x = new TunnelIndex(); indexByTable.set(t.frame, x); }
  return x;
}

/** Bins a TimeBins keeps at most (the chart's resolution). */
export const TIME_BINS = 256;

/**
 * Packets and bytes per time interval, built incrementally: each update
 * reads only the rows added since the last (a streaming million-row table
 * must not be re-binned whole several times a second). Bins start 1 ms wide
 * and double in width (adjacent pairs merged) whenever a row falls past the
 * last, so there are at most TIME_BINS of them, each a power-of-two number
 * of milliseconds wide.
 */
export class TimeBins {
  /** Bin width, ns. */
  width = 1e6;
  readonly pkts = new Float64Array(TIME_BINS);
  readonly bytes = new Float64Array(TIME_BINS);
  /** Bins in use (highest non-empty index + 1). */
  used = 0;
  /** Rows of the table consumed so far. */
  private done = 0;

  /** Consumes the rows of t added since the last call (t must be the same growing table). */
  add(t: PacketTable): void {
    for (let i = this.done; i < t.length; i++) {
      const ns = t.relNs.get(i);
      let b = ns > 0 ? Math.floor(ns / this.width) : 0;
      while (b >= TIME_BINS) { this.double(); b = Math.floor(ns / this.width); }
      this.pkts[b]!++;
      this.bytes[b]! += t.total.get(i);
      if (b >= this.used) this.used = b + 1;
    }
    this.done = t.length;
  }

  private double(): void {
    const { pkts, bytes } = this;
    for (let j = 0; j < TIME_BINS / 2; j++) {
      pkts[j] = pkts[2 * j]! + pkts[2 * j + 1]!;
      bytes[j] = bytes[2 * j]! + bytes[2 * j + 1]!;
    }
    pkts.fill(0, TIME_BINS / 2);
    bytes.fill(0, TIME_BINS / 2);
    this.width *= 2;
    this.used = Math.ceil(this.used / 2);
  }

  /** The chart's series: x in seconds (bin starts, plus the end of the last), values per bin (0 at the end). */
  series(): { x: number[]; pkts: number[]; bytes: number[] } {
    const n = this.used;
    const x = Array.from({ length: n + 1 }, (_, i) => (i * this.width) / 1e9);
    const pkts = Array.from({ length: n + 1 }, (_, i) => (i < n ? this.pkts[i]! : 0));
    const bytes = Array.from({ length: n + 1 }, (_, i) => (i < n ? this.bytes[i]! : 0));
    return { x, pkts, bytes };
  }
}

const binsByTable = new WeakMap<NumCol, TimeBins>();
/** The TimeBins of a table, by its time column: the same object while the table grows, whatever copies of the table object are made. */
export function timeBinsOf(t: PacketTable): TimeBins {
  let b = binsByTable.get(t.relNs);
  if (!b) { b = new TimeBins(); binsByTable.set(t.relNs, b); }
  return b;
}
