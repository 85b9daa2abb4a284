/**
 * A columnar table of packets.d's rows (one per IP layer per frame: the
 * web app's Timeline and Tunnels views), and the deltas that grow it.
 *
 * The table is parsed in the engine worker (packet-lines.ts) and crosses to
 * the page as deltas of typed arrays (transferred, not copied), so the page
 * never holds packets.d's text (100+ MB for a million-packet capture) nor
 * parses it on its main thread.
 *
 * Memory and GC: a million rows must not mean millions of heap objects, nor
 * big JS arrays that the garbage collector scans and copies as they grow
 * (measured: 70-100 ms mark-compact pauses while a million-row table was
 * built from JS arrays). So columns are typed-array blocks of BLOCK rows
 * (off-heap; growing allocates one block and never copies: doubling a
 * three-million-row array took a 100+ ms task), `length` says how many rows
 * are valid. Times are Float64 (exact integer nanoseconds), frame numbers and
 * lengths unsigned integers (U32Col); string columns (direction, interface,
 * addresses, protocol) are StrCols: codes into one shared dictionary, each
 * distinct value kept once (up to a cap of distinct values; rarer values
 * past it are kept per row). Five million rows hold a few thousand strings,
 * not twenty-five million. Integer and code blocks are as narrow as their
 * values allow (8, 16 or 32 bits): a row costs 24 bytes on the bench capture
 * (40 at most).
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
    // A slice of 13+ characters may be a view retaining the whole text it was cut from: keep a copy.
    const own = s.length >= 13 ? (JSON.parse(JSON.stringify(s)) as string) : s;
    this.add(own);
    return this.strings.length - 1;
  }
  /** Appends a value known to be new (a delta's dictionary entries, in code order). */
  add(s: string): void {
    this.codes.set(s, this.strings.length);
    this.strings.push(s);
  }
}

/** Rows per column block. */
const SHIFT = 16;
const BLOCK = 1 << SHIFT;
const MASK = BLOCK - 1;

type Block = Float64Array | Uint8Array | Uint16Array | Uint32Array;

/** Block storage shared by the column kinds. */
abstract class Blocks<B extends Block> {
  protected blocks: B[] = [];
  protected abstract make(): B;
  /** The blocks, each BLOCK rows (the last partly valid), for loops over every row. */
  get chunks(): readonly B[] { return this.blocks; }
  protected at(i: number): B {
    const b = i >>> SHIFT;
    while (b >= this.blocks.length) this.blocks.push(this.make());
    return this.blocks[b]!;
  }
  /** Copies src into rows from … from + src.length − 1 (each value converted to the blocks' type). */
  protected copyIn(from: number, src: Float64Array | Uint32Array): void {
    let k = 0;
    while (k < src.length) {
      const i = from + k;
      const off = i & MASK;
      const n = Math.min(BLOCK - off, src.length - k);
      (this.at(i) as Block).set(src.subarray(k, k + n) as never, off);
      k += n;
    }
  }
}

/** A column of numbers in Float64Array blocks (exact integers to 2^53). */
export class NumCol extends Blocks<Float64Array> {
  protected make(): Float64Array { return new Float64Array(BLOCK); }
  get(i: number): number { return this.blocks[i >>> SHIFT]![i & MASK]!; }
  set(i: number, v: number): void { this.at(i)[i & MASK] = v; }
  append(from: number, src: Float64Array): void { this.copyIn(from, src); }
}

type UintBlock = Uint8Array | Uint16Array | Uint32Array;
const UINT_TYPES = [Uint8Array, Uint16Array, Uint32Array] as const;
const UINT_MAX = [0xff, 0xffff, 0xffffffff] as const;

/**
 * Unsigned integers in blocks as narrow as the values so far allow: bytes, then 16 bits, then 32 (all
 * blocks widened at once when a value needs it, which happens at most twice). Most packets' lengths
 * fit 16 bits and a capture's few directions, interfaces and protocols a byte: the Timeline's million
 * rows take 24 bytes each instead of 40. With `none`, the type's largest value stands for NONE
 * (0xffffffff), and a value that reaches it widens the blocks first.
 */
abstract class UintBlocks extends Blocks<UintBlock> {
  private level = 0;
  constructor(private readonly none: boolean) { super(); }
  protected make(): UintBlock { return new UINT_TYPES[this.level](BLOCK); }
  /** Bytes per value now (1, 2 or 4). */
  get width(): number { return 1 << this.level; }
  /** Widens the blocks until `max` (a largest value, NONE not counted) fits. */
  private fit(max: number): void {
    let level = this.level;
    while (level < 2 && (this.none ? max >= UINT_MAX[level] : max > UINT_MAX[level])) level++;
    if (level === this.level) return;
    const was = UINT_MAX[this.level];
    const now = UINT_MAX[level];
    this.blocks = this.blocks.map((old) => {
      const b = new UINT_TYPES[level](BLOCK);
      if (!this.none) { b.set(old); return b; }
      for (let k = 0; k < BLOCK; k++) { const v = old[k]!; b[k] = v === was ? now : v; }
      return b;
    });
    this.level = level;
  }
  protected raw(i: number): number {
    const v = this.blocks[i >>> SHIFT]![i & MASK]!;
    return this.none && v === UINT_MAX[this.level] ? NONE : v;
  }
  protected put(i: number, v: number): void {
    if (!(this.none && v === NONE)) this.fit(v);
    // NONE (0xffffffff) stored in a narrower type keeps its low bits: the type's largest value.
    this.at(i)[i & MASK] = v;
  }
  protected appendAll(from: number, src: Uint32Array): void {
    let max = 0;
    for (let k = 0; k < src.length; k++) { const v = src[k]!; if (v > max && !(this.none && v === NONE)) max = v; }
    this.fit(max);
    this.copyIn(from, src);
  }
}

/** A column of unsigned 32-bit integers (frame numbers, lengths), each block as narrow as its values allow. */
export class U32Col extends UintBlocks {
  constructor() { super(false); }
  get(i: number): number { return this.raw(i); }
  set(i: number, v: number): void { this.put(i, v); }
  append(from: number, src: Uint32Array): void { this.appendAll(from, src); }
}

/** A column of strings as codes into an Interner, in blocks as narrow as the codes allow. */
export class StrCol extends UintBlocks {
  /** Values not in the dictionary (it was full), by row. */
  private rare: Map<number, string> | null = null;
  constructor(readonly dict: Interner) { super(true); }
  /** Row i's dictionary code (NONE: a rare value, read it with get). Equal codes other than NONE mean equal strings. */
  code(i: number): number { return this.raw(i); }
  get(i: number): string {
    const c = this.raw(i);
    return c === NONE ? this.rare?.get(i) ?? '' : this.dict.strings[c]!;
  }
  set(i: number, s: string): void {
    const c = this.dict.code(s);
    this.put(i, c);
    if (c === NONE) (this.rare ??= new Map()).set(i, s);
  }
  /** Appends codes (already in this column's dictionary); rare values come separately (setRare). */
  append(from: number, codes: Uint32Array): void { this.appendAll(from, codes); }
  setRare(i: number, s: string): void { (this.rare ??= new Map()).set(i, s); }
}

export interface PacketTable {
  length: number;
  /** ns since the first row. */
  relNs: NumCol;
  frame: U32Col;
  dir: StrCol;
  ifName: StrCol;
  src: StrCol;
  dst: StrCol;
  payload: U32Col;
  total: U32Col;
  proto: StrCol;
  /** Absolute time of the first row, "sec.nnnnnnnnn". */
  base: string;
  /** ns from BEGIN (the capture's start) to the first row, as D's timestamp counts them (0 until known). */
  firstNs: number;
  /** Lines that did not have packets.d's shape (messages from other clauses, say). */
  skipped: number;
}

export function emptyPacketTable(maxInterned = MAX_INTERNED): PacketTable {
  const dict = new Interner(maxInterned);
  return {
    length: 0, relNs: new NumCol(), frame: new U32Col(), payload: new U32Col(), total: new U32Col(),
    dir: new StrCol(dict), ifName: new StrCol(dict), src: new StrCol(dict), dst: new StrCol(dict), proto: new StrCol(dict),
    base: '', firstNs: 0, skipped: 0,
  };
}

/** The string columns, by name (a delta's rare values name theirs). */
export const STR_COLS = ['dir', 'ifName', 'src', 'dst', 'proto'] as const;
export type StrColName = (typeof STR_COLS)[number];

/**
 * Rows from..from + rows − 1 of a table, as plain typed arrays (structured-
 * clone safe; their buffers are transferred), and the dictionary entries the
 * worker added since its previous delta (codes continue from there).
 */
export interface TableDelta {
  from: number;
  rows: number;
  relNs: Float64Array;
  frame: Uint32Array;
  payload: Uint32Array;
  total: Uint32Array;
  dir: Uint32Array;
  ifName: Uint32Array;
  src: Uint32Array;
  dst: Uint32Array;
  proto: Uint32Array;
  strings: string[];
  /** Values past the dictionary's cap: [row, column index in STR_COLS, value]. */
  rare: [number, number, string][];
  base: string;
  firstNs: number;
  skipped: number;
}

/** The buffers a delta's postMessage transfers. */
export function deltaTransfer(d: TableDelta): ArrayBuffer[] {
  return [d.relNs, d.frame, d.payload, d.total, d.dir, d.ifName, d.src, d.dst, d.proto].map((a) => a.buffer as ArrayBuffer);
}

/** Appends a delta (the next rows, in order) to a table. */
export function applyDelta(t: PacketTable, d: TableDelta): void {
  if (d.from !== t.length) throw new Error(`table delta out of order: rows from ${d.from}, table has ${t.length}`);
  const dict = t.dir.dict;
  for (const s of d.strings) dict.add(s);
  t.relNs.append(d.from, d.relNs);
  t.frame.append(d.from, d.frame);
  t.payload.append(d.from, d.payload);
  t.total.append(d.from, d.total);
  t.dir.append(d.from, d.dir);
  t.ifName.append(d.from, d.ifName);
  t.src.append(d.from, d.src);
  t.dst.append(d.from, d.dst);
  t.proto.append(d.from, d.proto);
  for (const [row, col, value] of d.rare) t[STR_COLS[col]!].setRare(row, value);
  t.length = d.from + d.rows;
  if (d.base) t.base = d.base;
  t.firstNs = d.firstNs;
  t.skipped = d.skipped;
}
