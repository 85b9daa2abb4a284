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
const NONE = 0xffffffff;

/** The dictionary shared by a table's string columns. */
export class Interner {
  readonly strings: string[] = [];
  private codes = new Map<string, number>();
  constructor(readonly max = MAX_INTERNED) {}
  get size(): number { return this.strings.length; }
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

/** Frames with more than one IP layer, in frame order: the Tunnels tab's grouping. */
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
