/**
 * Aggregations: storage, the aggregating functions, and the consumer-side
 * operations dtrace performs on them (clear, trunc, normalize, sorting,
 * joining several aggregations for printa).
 *
 * Storage. Each aggregation variable (@name) is an AggVar holding entries
 * keyed by tuples. Lookup is specialised so the common cases allocate
 * nothing per firing: no key (one entry), one integer key (Map keyed by the
 * number/bigint itself), one string key (Map keyed by the string). Tuples of
 * several keys use a composed string key.
 *
 * Semantics (illumos dtrace.c / dt_aggregate.c):
 *  - count: +1; sum: += v; min/max; avg: count and sum; stddev: count, sum
 *    and a 128-bit sum of squares (of |v|), all wrapping at 64/128 bits.
 *  - quantize/lquantize/llquantize: bucket counts, with an optional
 *    increment (the extra argument), see aggregate-buckets.ts.
 *  - Values are int64; counts of buckets are plain numbers (exact to 2^53).
 *  - Sorting is dt_aggregate.c's: by variable, then value (per function:
 *    avg by sum/count, stddev by its value, quantizations by their weighted
 *    sum then the zero bucket), then keys; keys compare by record size first
 *    (strings are strsize bytes), integers as unsigned 64-bit, strings as
 *    bytes. aggsortrev reverses every comparison; aggsortkey compares keys
 *    first; aggsortkeypos rotates which key compares first; aggsortpos picks
 *    which aggregation of a printa joins sorts first.
 *  - aggsize bounds the memory: an entry that would not fit is dropped and
 *    counted; the caller reports dtrace's "N aggregation drops on CPU C".
 */
import type { DInt } from './int64.ts';
import * as I from './int64.ts';
import {
  llquantizeBinValues, llquantizeBucket, llquantizeLabels, llquantizeNBuckets, llquantizeZeroBin, lquantizeBucket, lquantizeLevels,
  QUANTIZE_NBUCKETS, QUANTIZE_ZEROBUCKET, quantizeBucket, quantizeBucketVal,
} from './aggregate-buckets.ts';
import { stddev } from './aggregate-stddev.ts';

export type AggFunc = 'count' | 'sum' | 'avg' | 'min' | 'max' | 'stddev' | 'quantize' | 'lquantize' | 'llquantize';

/**
 * A key field's static type: integers (size/signedness), strings (record
 * size = strsize), stacks (stack()/ustack(): the value is the frames joined
 * by "\n", one string, so equal stacks are equal keys), or other records.
 */
export interface AggKeyType { kind: 'int' | 'string' | 'stack' | 'other'; size: number; signed?: boolean }

export type KeyVal = DInt | string;

export interface AggParams {
  /** lquantize: low, high, step (default 1). */
  low?: number; high?: number; step?: number;
  /** llquantize: factor, low magnitude, high magnitude, steps. */
  factor?: number; lmag?: number; hmag?: number; nsteps?: number;
}

/** What only avg, stddev and the quantizations keep (count/sum/min/max entries carry none). */
interface AggExtra {
  n: DInt;
  sq: bigint;
  buckets: DInt[] | null;
}

/**
 * One tuple's data. Entries are the bulk of an aggregation's memory (a keyed
 * count() can hold a million of them), so an entry holds only its keys and
 * value; n, sq and buckets live in a side object that only the functions
 * needing them create.
 */
export class AggEntry {
  /** A one-field key is held as the value itself (no array per entry); other keys as an array. */
  private readonly k: KeyVal | KeyVal[];
  /** count/sum/min/max value; avg/stddev: sum. */
  v: DInt = 0;
  private x: AggExtra | null = null;
  constructor(keys: KeyVal[]) { this.k = keys.length === 1 ? keys[0]! : keys; }
  /** The key tuple (a new array for a one-field key: printing and sorting use nkeys/key() instead). */
  get keys(): KeyVal[] { const k = this.k; return Array.isArray(k) ? k : [k]; }
  get nkeys(): number { const k = this.k; return Array.isArray(k) ? k.length : 1; }
  key(i: number): KeyVal { const k = this.k; return Array.isArray(k) ? k[i]! : k; }
  /** The key this entry is stored under (mapKeyOf its tuple), without building a one-field tuple. */
  get mapKey(): unknown { const k = this.k; return Array.isArray(k) ? mapKeyOf(k) : k; }
  private extra(): AggExtra { return this.x ??= { n: 0, sq: 0n, buckets: null }; }
  /** avg/stddev: number of values. */
  get n(): DInt { return this.x === null ? 0 : this.x.n; }
  set n(n: DInt) { if (this.x !== null || n !== 0) this.extra().n = n; }
  /** stddev: sum of squares of |v|, exact modulo 2^128. */
  get sq(): bigint { return this.x === null ? 0n : this.x.sq; }
  set sq(q: bigint) { if (this.x !== null || q !== 0n) this.extra().sq = q; }
  /** quantize/lquantize/llquantize bucket counts: int64 each, wrapping as the kernel's do. */
  get buckets(): DInt[] | null { return this.x === null ? null : this.x.buckets; }
  set buckets(b: DInt[] | null) { if (this.x !== null || b !== null) this.extra().buckets = b; }
}

/**
 * The key an entry is stored under in AggVar.entries: the value of a one-field
 * key, '' for none, else one string for the tuple (integers in decimal, a
 * string with its length; a field's type is fixed, so no other tag is needed).
 */
function mapKeyOf(keys: readonly KeyVal[]): unknown {
  if (keys.length === 0) return '';
  if (keys.length === 1) return keys[0];
  let id = '';
  for (const k of keys) id += typeof k === 'string' ? k.length + ':' + k + '\u0001' : k + '\u0001';
  return id;
}

/** A tuple's key as stored for good: flat (a string built by += is a rope of many small strings until read). */
function flatKey(id: unknown): unknown {
  if (typeof id === 'string') id.charCodeAt(0);
  return id;
}

const INT64_MIN = -9223372036854775808n;

/** A bucket count plus an increment, as the kernel's int64 adds (exact, wrapping past INT64_MAX). */
function addBucket(b: DInt[], i: number, incr: DInt): void {
  const o = b[i]!;
  if (typeof o === 'number' && typeof incr === 'number') {
    const r = o + incr;
    if (r < 9007199254740991 && r > -9007199254740991) { b[i] = r; return; }
  }
  b[i] = I.add(o, incr, 8, true);
}
const INT64_MAX = 9223372036854775807n;
const U128 = (1n << 128n) - 1n;

export class AggVar {
  readonly id: number;
  readonly name: string;
  readonly func: AggFunc;
  readonly keyTypes: AggKeyType[];
  readonly params: AggParams;
  /** normalize()'s divisor (1: not normalized). */
  normal: DInt = 1;
  /** Set once printa or the exit printing printed it. */
  printed = false;
  /** Entries in insertion order (the order dtrace walks its hash is not defined; sorting fixes it). */
  readonly entries = new Map<unknown, AggEntry>();
  private single: AggEntry | null = null;
  readonly nbuckets: number;
  readonly levels: number;
  private readonly store: AggStore;
  readonly entryBytes: number;
  /** func === 'count', decided once: addN's fast path tests it per firing. */
  private readonly isCount: boolean;

  constructor(store: AggStore, id: number, name: string, func: AggFunc, keyTypes: AggKeyType[], params: AggParams) {
    this.store = store;
    this.id = id;
    this.name = name;
    this.func = func;
    this.keyTypes = keyTypes;
    this.params = params;
    this.isCount = func === 'count';
    this.levels = func === 'lquantize' ? lquantizeLevels(params.low ?? 0, params.high ?? 0, params.step ?? 1) : 0;
    this.nbuckets = func === 'quantize' ? QUANTIZE_NBUCKETS
      : func === 'lquantize' ? this.levels + 2
      : func === 'llquantize' ? llquantizeNBuckets(params.factor ?? 10, params.lmag ?? 0, params.hmag ?? 1, params.nsteps ?? 10)
      : 0;
    // Record layout as the kernel sizes it: the variable id, keys, and the data.
    const dataBytes = func === 'avg' ? 16 : func === 'stddev' ? 32 : this.nbuckets ? 8 * (this.nbuckets + (func === 'quantize' ? 0 : 1)) : 8;
    this.entryBytes = 8 + keyTypes.reduce((s, k) => s + k.size, 0) + dataBytes;
  }

  private create(keys: KeyVal[]): AggEntry | null {
    if (!this.store.reserve(this.entryBytes)) return null;
    const e = new AggEntry(keys);
    if (this.nbuckets) e.buckets = new Array<DInt>(this.nbuckets).fill(0);
    if (this.func === 'min') e.v = INT64_MAX;
    if (this.func === 'max') e.v = INT64_MIN;
    return e;
  }

  /** The entry for no key. */
  entry0(): AggEntry | null {
    let e = this.single;
    if (e) return e;
    e = this.create([]);
    if (e) { this.single = e; this.entries.set('', e); }
    return e;
  }

  /** The entry for a one-field key (no allocation once it exists). */
  entry1(k: KeyVal): AggEntry | null {
    const found = this.entries.get(k);
    if (found) return found;
    const e = this.create([k]);
    if (e) this.entries.set(k, e);
    return e;
  }

  /** The entry for a tuple key. */
  entryN(keys: readonly KeyVal[]): AggEntry | null {
    if (keys.length === 0) return this.entry0();
    if (keys.length === 1) return this.entry1(keys[0]!);
    const id = mapKeyOf(keys);
    const found = this.entries.get(id);
    if (found) return found;
    const e = this.create(keys.slice());
    if (e) this.entries.set(flatKey(id), e);
    return e;
  }

  /** Apply the aggregating function. `v` is the value (ignored by count), `incr` the quantize increment. */
  apply(e: AggEntry | null, v: DInt, incr: DInt = 1): void {
    if (!e) return;
    switch (this.func) {
      case 'count':
        if (typeof e.v === 'number' && e.v < 9007199254740991) e.v++;
        else e.v = I.add(e.v, 1, 8, true);
        break;
      case 'sum': e.v = I.add(e.v, v, 8, true); break;
      case 'min': if (v < e.v) e.v = v; break;
      case 'max': if (v > e.v) e.v = v; break;
      case 'avg': e.n = I.add(e.n, 1, 8, true); e.v = I.add(e.v, v, 8, true); break;
      case 'stddev': {
        e.n = I.add(e.n, 1, 8, true);
        e.v = I.add(e.v, v, 8, true);
        const a = I.big(v) < 0n ? -I.big(v) : I.big(v);
        e.sq = (e.sq + a * a) & U128;
        break;
      }
      case 'quantize': addBucket(e.buckets!, quantizeBucket(v), incr); break;
      case 'lquantize': addBucket(e.buckets!, lquantizeBucket(v, this.params.low ?? 0, this.params.step ?? 1, this.levels), incr); break;
      case 'llquantize': {
        const p = this.params;
        addBucket(e.buckets!, llquantizeBucket(p.factor ?? 10, p.lmag ?? 0, p.hmag ?? 1, p.nsteps ?? 10, v), incr);
        break;
      }
    }
  }

  add0(v: DInt, incr?: DInt): void { this.apply(this.entry0(), v, incr); }
  add1(k: KeyVal, v: DInt, incr?: DInt): void { this.apply(this.entry1(k), v, incr); }
  addN(keys: readonly KeyVal[], v: DInt, incr?: DInt): void {
    // The common keyed count() (`@[x] = count()`): one Map lookup and an increment, without
    // entryN's length dispatch and apply's switch on the function name.
    if (this.isCount && keys.length === 1) {
      const k = keys[0]!;
      const e = this.entries.get(k) ?? this.entry1(k);
      if (e === null) return;
      const o = e.v;
      e.v = typeof o === 'number' && o < 9007199254740991 ? o + 1 : I.add(o, 1, 8, true);
      return;
    }
    this.apply(this.entryN(keys), v, incr);
  }

  /**
   * clear(): zero every value, keep the keys (dt_aggwalk_rval DTRACE_AGGWALK_CLEAR
   * bzero()s the consumer's copy — min/max included, so a later min() of
   * positive values still shows 0, as in dtrace).
   */
  clear(): void {
    for (const e of this.entries.values()) {
      e.v = 0;
      e.n = 0;
      e.sq = 0n;
      const b = e.buckets;
      if (b) b.fill(0);
    }
  }

  /** Remove one entry (trunc). */
  remove(e: AggEntry): void {
    const k = e.mapKey;
    if (this.entries.get(k) === e) this.entries.delete(k);
    if (this.single === e) this.single = null;
    this.store.release(this.entryBytes);
  }

  /** The scalar a row shows (count/sum/min/max, avg, stddev), normalized; undefined for quantizations. */
  scalar(e: AggEntry): DInt | undefined {
    return scalarValue(this, e);
  }
}

/** The store of all aggregation variables of a program, and the aggsize budget. */
export class AggStore {
  readonly vars: AggVar[] = [];
  /** Bytes available (the aggsize option); Infinity when unbounded. */
  limit: number;
  used = 0;
  /** Entries dropped because aggsize was exceeded since the last takeDrops(). */
  drops = 0;

  constructor(aggsize = 4 * 1024 * 1024) { this.limit = aggsize; }

  /** Declare an aggregation (in order of first appearance: that order is dtrace's variable id order). */
  define(name: string, func: AggFunc, keyTypes: AggKeyType[] = [], params: AggParams = {}): AggVar {
    const v = new AggVar(this, this.vars.length + 1, name, func, keyTypes, params);
    this.vars.push(v);
    return v;
  }

  get(name: string): AggVar | undefined { return this.vars.find((v) => v.name === name); }

  reserve(bytes: number): boolean {
    if (this.used + bytes > this.limit) { this.drops++; return false; }
    this.used += bytes;
    return true;
  }

  release(bytes: number): void { this.used -= bytes; }

  /** Drops since the last call (reported by the consumer as dtrace reports them). */
  takeDrops(): number { const d = this.drops; this.drops = 0; return d; }
}

/** dt_handle_cpudrop's message for aggregation drops (without the "dtrace: " prefix). */
export function aggDropMessage(n: number, cpu = 0): string {
  return `${n} aggregation drop${n > 1 ? 's' : ''} on CPU ${cpu}`;
}

// ---------------------------------------------------------------- values

function normalDiv(v: DInt, normal: DInt): DInt {
  // libdtrace divides "(long long)value / normal" with normal a uint64_t: an unsigned division.
  if (normal === 1) return v;
  return I.wrap(I.div(I.toUnsigned(v, 8), normal, 8, false), 8, true);
}

/** The value printed for scalar aggregations (dt_print_datum / dt_print_average / dt_print_stddev). */
export function scalarValue(a: AggVar, e: AggEntry): DInt | undefined {
  switch (a.func) {
    case 'count': case 'sum': case 'min': case 'max': return normalDiv(e.v, a.normal);
    case 'avg':
      if (I.isZero(e.n)) return 0;
      return I.div(I.div(e.v, a.normal, 8, true), e.n, 8, true);
    case 'stddev': return I.isZero(e.n) ? 0 : stddev(e.n, e.v, e.sq, a.normal);
    default: return undefined;
  }
}

// ---------------------------------------------------------------- sorting

export interface SortOptions { aggsortkey?: boolean; aggsortrev?: boolean; aggsortkeypos?: number; aggsortpos?: number }

function cmpNum(a: DInt | number, b: DInt | number): number { return a < b ? -1 : a > b ? 1 : 0; }

/**
 * Each bucket's count with the value libdtrace weighs it by
 * (dt_aggregate_quantizedsum, _lquantizedsum, _llquantizedsum).
 */
function eachWeighted(a: AggVar, e: AggEntry, f: (count: DInt, value: DInt) => void): void {
  const b = e.buckets!;
  if (a.func === 'quantize') {
    for (let i = 0; i < QUANTIZE_NBUCKETS; i++) if (!I.isZero(b[i]!)) f(b[i]!, quantizeBucketVal(i));
    return;
  }
  if (a.func === 'lquantize') {
    let base = a.params.low ?? 0;
    const step = a.params.step ?? 1;
    f(b[0]!, base - 1);
    for (let i = 0; i < a.levels; base += step, i++) f(b[i + 1]!, base);
    f(b[a.levels + 1]!, base + 1);
    return;
  }
  // dt_aggregate_llquantizedsum: each magnitude bin weighs its lower bound, negatives mirrored;
  // the underflow bin weighs nothing.
  const p = a.params;
  const factor = p.factor ?? 10, lmag = p.lmag ?? 0, hmag = p.hmag ?? 1, steps = p.nsteps ?? 10;
  const bin0 = llquantizeZeroBin(factor, lmag, hmag, steps);
  llquantizeBinValues(factor, lmag, hmag, steps, (i, v) => {
    f(b[bin0 + i]!, v);
    f(b[bin0 - i]!, typeof v === 'bigint' ? -v : -v);
  });
  let low: DInt = 1;
  for (let i = 0; i < lmag; i++) low = typeof low === 'bigint' ? low * BigInt(factor) : low * factor > Number.MAX_SAFE_INTEGER ? BigInt(low) * BigInt(factor) : low * factor;
  f(b[bin0 + 1]!, low);
  f(b[bin0 - 1]!, typeof low === 'bigint' ? -low : -low);
}

/**
 * The quantizations' weighted sum, compared to sort by value. libdtrace sums
 * in a long double (64-bit mantissa); a double loses the low bits of counts
 * past 2^53, so large sums are computed exactly instead (two entries whose
 * counts differ by a few units near INT64_MAX still sort apart, as in dtrace).
 */
function quantSum(a: AggVar, e: AggEntry): DInt {
  let t = 0;
  eachWeighted(a, e, (c, v) => { t += Number(c) * Number(v); });
  if (Math.abs(t) < 2 ** 53) return t;
  let x = 0n;
  eachWeighted(a, e, (c, v) => { x += I.big(c) * BigInt(typeof v === 'number' ? Math.trunc(v) : v); });
  return x;
}

function quantZero(a: AggVar, e: AggEntry): number {
  const b = e.buckets!;
  if (a.func === 'quantize') return Number(b[QUANTIZE_ZEROBUCKET]);
  if (a.func === 'llquantize') {
    const p = a.params;
    return Number(b[llquantizeZeroBin(p.factor ?? 10, p.lmag ?? 0, p.hmag ?? 1, p.nsteps ?? 10)]);
  }
  let base = a.params.low ?? 0;
  const step = a.params.step ?? 1;
  if (base - 1 === 0) return Number(b[0]);
  for (let i = 0; i < a.levels; base += step, i++) if (base === 0) return Number(b[i + 1]);
  if (base + 1 === 0) return Number(b[a.levels + 1]);
  return 0;
}

/** dt_aggregate_valcmp (un-reversed). */
export function valCmp(a: AggVar, l: AggEntry, r: AggEntry): number {
  switch (a.func) {
    case 'avg': {
      const la = I.isZero(l.n) ? 0 : I.div(l.v, l.n, 8, true);
      const ra = I.isZero(r.n) ? 0 : I.div(r.v, r.n, 8, true);
      return cmpNum(la, ra);
    }
    case 'stddev': {
      const ls = I.isZero(l.n) ? 0 : stddev(l.n, l.v, l.sq, 1);
      const rs = I.isZero(r.n) ? 0 : stddev(r.n, r.v, r.sq, 1);
      return cmpNum(ls, rs);
    }
    case 'quantize': case 'lquantize': case 'llquantize':
      return cmpNum(quantSum(a, l), quantSum(a, r)) || cmpNum(quantZero(a, l), quantZero(a, r));
    default: return cmpNum(l.v, r.v);
  }
}

/** dt_aggregate_keycmp (un-reversed): record sizes, then unsigned integers or bytes, from key `keypos` on. */
export function keyCmpEntries(types: readonly AggKeyType[], l: AggEntry, r: AggEntry, keypos = 0): number {
  const n = l.nkeys;
  const kp = keypos + 1 >= n + 1 ? 0 : keypos;
  for (let i = 0; i < n; i++) {
    let ndx = i + kp;
    if (ndx >= n) ndx -= n;
    const c = keyFieldCmp(types[ndx], l.key(ndx), r.key(ndx));
    if (c) return c;
  }
  return 0;
}

function keyFieldCmp(t: AggKeyType | undefined, a: KeyVal, b: KeyVal): number {
  if (typeof a === 'string' || typeof b === 'string') {
    const sa = String(a), sb = String(b);
    return sa === sb ? 0 : sa < sb ? -1 : 1;
  }
  // Integers compare as unsigned (of the key's size); two non-negative safe integers need no conversion.
  if (typeof a === 'number' && typeof b === 'number' && a >= 0 && b >= 0 && a <= Number.MAX_SAFE_INTEGER && b <= Number.MAX_SAFE_INTEGER) {
    const size = t?.size ?? 8;
    if (size >= 8 || (size === 4 && a <= 0xffffffff && b <= 0xffffffff)) return cmpNum(a, b);
  }
  const size = (t?.size ?? 8) as I.IntSize;
  const w = size >= 8 ? 8 : size === 4 ? 4 : size === 2 ? 2 : 1;
  return cmpNum(I.toUnsigned(a, w), I.toUnsigned(b, w));
}

/** Entries of one aggregation in dtrace's printing order (dt_aggregate_qsort with varvalcmp / varkeycmp). */
export function sortedEntries(a: AggVar, opts: SortOptions = {}): AggEntry[] {
  const list = [...a.entries.values()];
  const rev = opts.aggsortrev ? -1 : 1;
  const kp = opts.aggsortkeypos ?? 0;
  const cmp = opts.aggsortkey
    ? (l: AggEntry, r: AggEntry) => keyCmpEntries(a.keyTypes, l, r, kp) * rev
    : (l: AggEntry, r: AggEntry) => (valCmp(a, l, r) || keyCmpEntries(a.keyTypes, l, r, kp)) * rev;
  return list.sort(cmp);
}

/**
 * trunc(@, n) (dt_trunc): keep the n entries with the largest values
 * (n < 0: the |n| smallest); n = 0 removes everything.
 */
export function truncate(a: AggVar, n: number, opts: SortOptions = {}): void {
  const rev = opts.aggsortrev ? -1 : 1;
  const kp = opts.aggsortkeypos ?? 0;
  const base = (l: AggEntry, r: AggEntry): number => (valCmp(a, l, r) || keyCmpEntries(a.keyTypes, l, r, kp)) * rev;
  const list = [...a.entries.values()].sort(n < 0 ? base : (l, r) => base(r, l));
  const keep = Math.abs(n);
  for (let i = keep; i < list.length; i++) a.remove(list[i]!);
}

/** normalize(@, n); the caller checks n != 0. denormalize(@) sets 1. */
export function normalize(a: AggVar, n: DInt): void { a.normal = n; }
export function denormalize(a: AggVar): void { a.normal = 1; }

/** A row of a printa over several aggregations: the key and each aggregation's entry (zero-filled when missing). */
export interface JoinedRow { keys: KeyVal[]; entries: AggEntry[] }

function zeroEntry(a: AggVar, keys: KeyVal[]): AggEntry {
  const e = new AggEntry(keys);
  if (a.nbuckets) e.buckets = new Array<DInt>(a.nbuckets).fill(0);
  return e;
}

/**
 * dtrace_aggregate_walk_joined: the union of the keys of several
 * aggregations, each row holding every aggregation's entry (a zero-filled
 * one where a key is missing), sorted by dt_aggregate_bundlecmp.
 */
export function joinedRows(vars: readonly AggVar[], opts: SortOptions = {}): JoinedRow[] {
  const n = vars.length;
  let sortpos = opts.aggsortpos ?? 0;
  if (sortpos < 0 || sortpos >= n) sortpos = 0;
  // The aggregations share their key types, so an entry's storage key names its tuple in every one of them.
  const rows = new Map<unknown, JoinedRow>();
  vars.forEach((v, i) => {
    for (const e of v.entries.values()) {
      const id = e.mapKey;
      let row = rows.get(id);
      if (!row) { row = { keys: e.keys, entries: new Array<AggEntry>(n) }; rows.set(id, row); }
      row.entries[i] = e;
    }
  });
  const list = [...rows.values()];
  for (const row of list) for (let i = 0; i < n; i++) if (!row.entries[i]) row.entries[i] = zeroEntry(vars[i]!, row.keys);
  const rev = opts.aggsortrev ? -1 : 1;
  const kp = opts.aggsortkeypos ?? 0;
  const types = vars[0]!.keyTypes;
  // Every row holds an entry of each aggregation with the row's keys: the first one's keys are the row's.
  list.sort((l, r) => {
    if (opts.aggsortkey) {
      const c = keyCmpEntries(types, l.entries[0]!, r.entries[0]!, kp);
      if (c) return c * rev;
    }
    for (let j = 0; j < n; j++) {
      const i = (j + sortpos) % n;
      const c = valCmp(vars[i]!, l.entries[i]!, r.entries[i]!);
      if (c) return c * rev;
    }
    if (opts.aggsortkey) return 0;
    return keyCmpEntries(types, l.entries[0]!, r.entries[0]!, kp) * rev;
  });
  return list;
}

/** Bucket label values for the UI/structured rows. */
export function bucketLabels(a: AggVar): string[] {
  const out: string[] = [];
  if (a.func === 'quantize') {
    for (let i = 0; i < QUANTIZE_NBUCKETS; i++) out.push(String(quantizeBucketVal(i)));
  } else if (a.func === 'lquantize') {
    const low = a.params.low ?? 0, step = a.params.step ?? 1;
    out.push(`< ${low}`);
    for (let i = 0; i < a.levels; i++) out.push(String(low + i * step));
    out.push(`>= ${low + a.levels * step}`);
  } else if (a.func === 'llquantize') {
    const p = a.params;
    // Every bin, as dt_print_llquantize labels it when all are shown (a bin that can never hold a value: "").
    for (const l of llquantizeLabels(p.factor ?? 10, p.lmag ?? 0, p.hmag ?? 1, p.nsteps ?? 10, 0, a.nbuckets - 1)) out.push(l ?? '');
  }
  return out;
}
