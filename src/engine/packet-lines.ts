/**
 * Parses packets.d's output (the web app's Timeline and Tunnels script,
 * src/ui/views/scripts/packets.d) into table deltas, in the engine worker,
 * as the run prints it: the text never crosses to the page.
 *
 * Lines (tab-separated):
 *   timestamp frame send|receive interface source destination payload total protocol
 *   udp frame sport dport           UDP ports, so NAT-T ESP (port 4500) can be told from other UDP
 *   begin timestamp                 BEGIN's timestamp: the first row's DELTA counts from it, as ipio.d's does
 * Anything else is counted as skipped.
 *
 * Rows are kept here only until taken: take() hands out every settled row
 * as a TableDelta and keeps the last NATT_ROWS (a later "udp" line may still
 * re-mark them as NAT-T), so the worker's memory stays bounded whatever the
 * capture's size. Lines are parsed in place by tab positions: only the
 * string fields are sliced out (and looked up in the dictionary), numbers
 * are read digit by digit.
 */
import { Interner, MAX_INTERNED, NONE, STR_COLS, type TableDelta } from './packet-table.ts';

/** UDP-encapsulated ESP (RFC 3948 NAT traversal). */
export const NATT_PORT = 4500;
export const NATT_PROTO = 'ESP (NAT-T)';
/** How many of the last rows a later "udp" line may still re-mark as NAT-T. */
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

/** An unsigned 32-bit field (a frame number, a length): out-of-range or malformed text reads 0. */
function u32(text: string, a: number, b: number): number {
  const v = num(text, a, b);
  return Number.isInteger(v) && v >= 0 && v <= 0xffffffff ? v : 0;
}

/** Splits "s…snnnnnnnnn" (integer ns, possibly past 2^53) into seconds and nanoseconds; null when not digits. */
function splitNs(text: string, a: number, b: number): [number, number] | null {
  const sec = b - a > 9 ? digits(text, a, b - 9) : 0;
  const ns = digits(text, Math.max(a, b - 9), b);
  return sec < 0 || ns < 0 ? null : [sec, ns];
}

const COLS = STR_COLS.length;
/** Buffers kept to fill again (nine columns, a few deltas in flight), and the least room a new one has (bytes: a 256 KiB batch of packets.d text is some 4,000 rows). */
const POOL_MAX = 36;
const DELTA_ROOM = 64 * 1024;

export class PacketLineParser {
  readonly dict: Interner;
  /** Rows handed out by take(), and rows held (not yet taken). */
  private taken = 0;
  private n = 0;
  private cap = 0;
  private relNs = new Float64Array(0);
  private frame = new Uint32Array(0);
  private payload = new Uint32Array(0);
  private total = new Uint32Array(0);
  /** The held rows' string codes, COLS per row (STR_COLS order). */
  private codes = new Uint32Array(0);
  private rare: [number, number, string][] = [];
  private stringsSent = 0;
  private partial = '';
  private tabs = new Int32Array(9);
  private baseSec = 0;
  private baseNs = 0;
  private base = '';
  private beginSec = -1;
  private beginNs = 0;
  private firstNs = 0;
  private skipped = 0;
  /** Frames whose UDP datagram uses port 4500, the last few (udp lines sit beside their frame's IP lines). */
  private natt: number[] = [];

  constructor(maxInterned = MAX_INTERNED) { this.dict = new Interner(maxInterned); }

  /** Rows parsed so far (taken and held). */
  get rows(): number { return this.taken + this.n; }

  /** Feeds a chunk of stdout text (lines may be split across chunks). */
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

  /** The end of the output: a last line without its newline. */
  finish(): void {
    if (this.partial) this.line(this.partial, 0, this.partial.length);
    this.partial = '';
  }

  /**
   * The rows parsed since the last take, but for the last NATT_ROWS unless
   * `final`; null when there is nothing new to say.
   */
  take(final: boolean): TableDelta | null {
    const give = final ? this.n : Math.max(0, this.n - NATT_ROWS);
    const strings = this.dict.strings.slice(this.stringsSent);
    if (give === 0 && strings.length === 0 && !final) return null;
    // Each column's first `give` rows, in a buffer of its own (one the page gave back where it can).
    const copy = <T extends Float64Array | Uint32Array>(a: T): T => {
      const c = new (a.constructor as new (b: ArrayBuffer, o: number, n: number) => T)(this.buffer(give * a.BYTES_PER_ELEMENT), 0, give);
      c.set(a.subarray(0, give) as never);
      return c;
    };
    const codes = this.codes;
    const col = (k: number): Uint32Array => { const c = new Uint32Array(this.buffer(give * 4), 0, give); for (let i = 0; i < give; i++) c[i] = codes[i * COLS + k]!; return c; };
    const d: TableDelta = {
      from: this.taken, rows: give,
      relNs: copy(this.relNs), frame: copy(this.frame), payload: copy(this.payload), total: copy(this.total),
      dir: col(0), ifName: col(1), src: col(2), dst: col(3), proto: col(4),
      strings, rare: this.rare.filter((r) => r[0] < this.taken + give),
      base: this.base, firstNs: this.firstNs, skipped: this.skipped,
    };
    this.stringsSent = this.dict.strings.length;
    this.rare = this.rare.filter((r) => r[0] >= this.taken + give);
    // Keep the rows not given, at the front.
    const keep = this.n - give;
    this.relNs.copyWithin(0, give, this.n);
    this.frame.copyWithin(0, give, this.n);
    this.payload.copyWithin(0, give, this.n);
    this.total.copyWithin(0, give, this.n);
    this.codes.copyWithin(0, give * COLS, this.n * COLS);
    this.taken += give;
    this.n = keep;
    return d;
  }

  /** Delta buffers the page gave back (TableBuffersMessage), to fill again. */
  private pool: ArrayBuffer[] = [];

  /** Takes buffers back from the page (a few deltas' worth are kept; the rest go to the collector). */
  reuse(buffers: ArrayBuffer[]): void {
    for (const b of buffers) if (this.pool.length < POOL_MAX) this.pool.push(b);
  }

  /** A buffer of at least `bytes` for a delta's column: one given back, else a new one with room for the usual delta. */
  private buffer(bytes: number): ArrayBuffer {
    const p = this.pool;
    for (let i = p.length - 1; i >= 0; i--) {
      const b = p[i]!;
      if (b.byteLength >= bytes) { p[i] = p[p.length - 1]!; p.pop(); return b; }
    }
    return new ArrayBuffer(Math.max(bytes, DELTA_ROOM));
  }

  private grow(): void {
    const cap = Math.max(1024, this.cap * 2);
    const g = <T extends Float64Array | Uint32Array>(a: T, w = 1): T => { const b = new (a.constructor as new (n: number) => T)(cap * w); b.set(a as never); return b; };
    this.relNs = g(this.relNs);
    this.frame = g(this.frame);
    this.payload = g(this.payload);
    this.total = g(this.total);
    this.codes = g(this.codes, COLS);
    this.cap = cap;
  }

  private str(i: number, k: number, s: string): void {
    const c = this.dict.code(s);
    this.codes[i * COLS + k] = c;
    if (c === NONE) this.rare.push([this.taken + i, k, s]);
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
    if (n === 3 && tabs[0] === a + 3 && text.startsWith('udp', a)) {
      if (num(text, tabs[1]! + 1, tabs[2]!) === NATT_PORT || num(text, tabs[2]! + 1, b) === NATT_PORT) this.markNatt(u32(text, tabs[0]! + 1, tabs[1]!));
      return;
    }
    if (n === 1 && tabs[0] === a + 5 && text.startsWith('begin', a)) {
      const t = splitNs(text, tabs[0]! + 1, b);
      if (t) { this.beginSec = t[0]; this.beginNs = t[1]; }
      return;
    }
    const e0 = tabs[0]!;
    if (n !== 8 || e0 === a) { this.skipped++; return; }
    const t = splitNs(text, a, e0);
    if (!t) { this.skipped++; return; }
    const [sec, ns] = t;
    if (this.rows === 0) {
      this.baseSec = sec; this.baseNs = ns;
      this.base = `${sec}.${String(ns).padStart(9, '0')}`;
      if (this.beginSec >= 0) this.firstNs = (sec - this.beginSec) * 1e9 + (ns - this.beginNs);
    }
    if (this.n === this.cap) this.grow();
    const i = this.n;
    this.relNs[i] = (sec - this.baseSec) * 1e9 + (ns - this.baseNs);
    const frame = u32(text, e0 + 1, tabs[1]!);
    this.frame[i] = frame;
    this.str(i, 0, text.slice(tabs[1]! + 1, tabs[2]!));
    this.str(i, 1, text.slice(tabs[2]! + 1, tabs[3]!));
    this.str(i, 2, text.slice(tabs[3]! + 1, tabs[4]!));
    this.str(i, 3, text.slice(tabs[4]! + 1, tabs[5]!));
    this.payload[i] = u32(text, tabs[5]! + 1, tabs[6]!);
    this.total[i] = u32(text, tabs[6]! + 1, tabs[7]!);
    const proto = text.slice(tabs[7]! + 1, b);
    this.str(i, 4, proto === 'UDP' && this.natt.includes(frame) ? NATT_PROTO : proto);
    this.n++;
  }

  /** The udp line may come before or after its frame's IP line: mark both ways (only the last rows can be that frame). */
  private markNatt(frame: number): void {
    this.natt.push(frame);
    if (this.natt.length > 16) this.natt.shift();
    const udp = this.dict.lookup('UDP');
    if (udp === NONE) return;
    for (let i = this.n - 1; i >= 0 && i >= this.n - NATT_ROWS; i--) {
      if (this.frame[i] === frame && this.codes[i * COLS + 4] === udp) this.str(i, 4, NATT_PROTO);
    }
  }
}
