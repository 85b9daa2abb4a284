/**
 * Aggregation printing, after libdtrace dt_consume.c: dt_print_aggs and
 * dt_print_datum (the default row layout), dt_print_quantize,
 * dt_print_lquantize, dt_print_llquantize and dt_print_quantline (the ASCII
 * distributions), and printa with a format (dt_printf.c dt_fprinta).
 *
 * Row layout: each key (" %3d" " %5d" " %8d" " %16lld" by size; strings
 * "  %-50s"), then the value (" %16lld"; avg " %16lld"; stddev " %16llu";
 * quantizations print their distribution, which starts with a newline),
 * then "\n". printa(@) prints "\n" before its rows; the exit printing of
 * unprinted aggregations does not (dtrace.c prints one "\n" before all).
 *
 * Distributions: the bins shown run from one below the first non-zero bin
 * to one above the last; with no data the three bins around zero. Bars are
 * 40 columns of '@' scaled to the total of |counts| shown (rounded), split
 * in two 20-column halves around a '|' centre line when negative counts exist.
 *
 * The options aggpack, agghist, aggzoom and encoding change these layouts
 * (aggpack.ts says how); they reach here through PrintaOptions.
 */
import type { AggEntry, AggVar, KeyVal, SortOptions } from '../runtime/aggregate.ts';
import { bucketLabels, joinedRows, scalarValue, sortedEntries } from '../runtime/aggregate.ts';
import { QUANTIZE_ZEROBUCKET, llquantizeLabels, llquantizeZeroBin, quantizeBucketVal } from '../runtime/aggregate-buckets.ts';
import type { DInt } from '../runtime/int64.ts';
import * as I from '../runtime/int64.ts';
import type { AggSnapshotEvent } from '../../engine/events.ts';
import {
  lquantizePacked, PLAIN, quanthdr, quanthdrPacked, quantizePacked, quantizeTotal, utf8Glyph, zoomTrunc, type DistStyle,
} from './aggpack.ts';
import { formatPrintaRow } from './printf.ts';
import type { FormatContext, ParsedFormat, PfAggValue, PfValue } from './printf.ts';
import { formatStackDefault, printStringRecord } from './trace.ts';
import { stddev } from '../runtime/aggregate-stddev.ts';

const ATS = '@'.repeat(40);
const SPACES = ' '.repeat(40);

function padStart(s: string, w: number): string { return s.length >= w ? s : ' '.repeat(w - s.length) + s; }
function padEnd(s: string, w: number): string { return s.length >= w ? s : s + ' '.repeat(w - s.length); }

/** "(long long)val / normal" with normal a uint64_t (an unsigned division unless normal is 1). */
function divNormal(v: DInt, normal: DInt): string {
  if (normal === 1) return String(v);
  return String(I.wrap(I.div(I.toUnsigned(v, 8), normal, 8, false), 8, true));
}

/** dt_print_quantline_utf8: whole U+2588 blocks and one partial block (U+2589..U+258F) of 8 levels. */
function quantlineUtf8(val: DInt, normal: DInt, total: number): string {
  const f = (Math.abs(Number(val)) * 40) / total;
  const whole = Math.min(40, Math.trunc(f));
  const partial = Math.trunc((f - Math.trunc(f)) * 8);
  let out = '|';
  for (let i = 0; i < whole; i++) out += FULL_BLOCK;
  let i = whole;
  if (partial !== 0) { out += utf8Glyph(0x258f - (partial - 1)); i++; }
  return out + SPACES.slice(Math.min(i, 40)) + ' ' + padEnd(divNormal(val, normal), 9) + '\n';
}

const FULL_BLOCK = utf8Glyph(0x2588);

/** Bar depth, clamped to the 40 columns (agghist over avg/stddev can exceed them, where C would read before the string). */
function depthOf(val: number, len: number, total: number): number {
  const d = Math.trunc((Math.abs(val) * len) / total + 0.5);
  return d > len ? len : d;
}

/** dt_print_quantline. */
function quantline(count64: DInt, normal: DInt, total: number, positives: boolean, negatives: boolean, st: DistStyle = PLAIN): string {
  const len = 40;
  const count = padEnd(divNormal(count64, normal), 9);
  // The bar is drawn from the count as a long double (a double here); the count prints exactly.
  const val = Number(count64);
  if (!negatives && positives && st.encoding === 'utf8') return quantlineUtf8(count64, normal, total);
  if (!negatives) {
    let depth = 0;
    if (positives) depth = depthOf(val, len, total);
    return '|' + ATS.slice(len - depth) + SPACES.slice(depth) + ' ' + count + '\n';
  }
  if (!positives) {
    const depth = depthOf(val, len, total);
    return SPACES.slice(depth) + ATS.slice(len - depth) + '| ' + count + '\n';
  }
  const half = len / 2;
  const depth = depthOf(val, half, total);
  const ats = ATS.slice(0, half), spaces = SPACES.slice(0, half);
  if (val <= 0) return spaces.slice(depth) + ats.slice(half - depth) + '|' + ' '.repeat(half) + ' ' + count + '\n';
  return ' '.repeat(20) + '|' + ats.slice(half - depth) + spaces.slice(depth) + ' ' + count + '\n';
}

const HEADER = '\n' + padStart('value', 16) + ' ' + padStart('------------- Distribution -------------', 41) + ' ' + padEnd('count', 9) + '\n';

/** Bins to show and their totals, as every dt_print_*quantize computes them. */
function range(data: readonly DInt[], emptyFirst: number, emptyLast: number): { first: number; last: number } {
  const n = data.length;
  let first = 0;
  while (first < n && I.isZero(data[first]!)) first++;
  if (first === n) return { first: emptyFirst, last: emptyLast };
  if (first > 0) first--;
  let last = n - 1;
  while (last > 0 && I.isZero(data[last]!)) last--;
  if (last < n - 1) last++;
  return { first, last };
}

function totals(data: readonly DInt[], first: number, last: number, zoom: boolean): { total: number; pos: boolean; neg: boolean } {
  let total = 0, pos = false, neg = false;
  for (let i = first; i <= last; i++) {
    const v = Number(data[i]!);
    if (v > 0) pos = true;
    if (v < 0) neg = true;
    total = quantizeTotal(total, v, zoom);
  }
  return { total, pos, neg };
}

/** dt_print_quantize. */
export function printQuantize(data: readonly DInt[], normal: DInt = 1, st: DistStyle = PLAIN): string {
  // illumos stops the first-bin search at NBUCKETS - 1, so data only in the
  // last bin printed as "no data"; the DTrace test suite (aggs/tst.quantlast.d)
  // expects that bin reported, which is what we do.
  const { first, last } = range(data, QUANTIZE_ZEROBUCKET - 1, QUANTIZE_ZEROBUCKET + 1);
  const t = totals(data, first, last, st.zoom);
  let out = HEADER;
  for (let i = first; i <= last; i++) {
    out += padStart(String(quantizeBucketVal(i)), 16) + ' ' + quantline(data[i]!, normal, t.total, t.pos, t.neg, st);
  }
  return out;
}

/** dt_print_lquantize. */
export function printLquantize(data: readonly DInt[], base: number, step: number, levels: number, normal: DInt = 1, st: DistStyle = PLAIN): string {
  const { first, last } = range(data, 0, 2);
  const t = totals(data, first, last, st.zoom);
  let out = HEADER;
  for (let i = first; i <= last; i++) {
    let label: string;
    if (i === 0) label = `< ${base}`;
    else if (i === levels + 1) label = `>= ${base + levels * step}`;
    else label = String(base + (i - 1) * step);
    out += padStart(label, 16) + ' ' + quantline(data[i]!, normal, t.total, t.pos, t.neg, st);
  }
  return out;
}

/**
 * dt_print_llquantize (Linux DTrace's: negative bins, see aggregate-buckets.ts):
 * the bins from one before the first non-zero to one after the last (with no
 * data, the three around the first positive bin), skipping those it gives no label.
 */
export function printLlquantize(
  data: readonly DInt[], factor: number, lmag: number, hmag: number, steps: number, normal: DInt = 1, st: DistStyle = PLAIN,
): string {
  const nbins = data.length;
  const bin0 = llquantizeZeroBin(factor, lmag, hmag, steps);
  let first = 0, last = nbins - 1;
  while (first <= last && I.isZero(data[first]!)) first++;
  if (first > last) first = last = bin0 + 1;
  else while (I.isZero(data[last]!)) last--;
  const t = totals(data, first, last, st.zoom);
  let out = HEADER;
  if (first > 0) first--;
  if (last < nbins - 1) last++;
  const labels = llquantizeLabels(factor, lmag, hmag, steps, first, last);
  for (let i = first; i <= last; i++) {
    const label = labels[i - first];
    if (label === null || label === undefined) continue;
    out += padStart(label, 16) + ' ' + quantline(data[i]!, normal, t.total, t.pos, t.neg, st);
  }
  return out;
}

/** The distribution text of a quantizing aggregation entry. */
export function printDistribution(a: AggVar, e: AggEntry, st: DistStyle = PLAIN): string {
  const b = e.buckets!;
  if (a.func === 'quantize') return printQuantize(b, a.normal, st);
  if (a.func === 'lquantize') return printLquantize(b, a.params.low ?? 0, a.params.step ?? 1, a.levels, a.normal, st);
  const p = a.params;
  return printLlquantize(b, p.factor ?? 10, p.lmag ?? 0, p.hmag ?? 1, p.nsteps ?? 10, a.normal, st);
}

/** dt_print_datum's fmttab: a key record's width by its size (packed: any other size is 16, not -50). */
function keyRecordSize(a: AggVar, i: number, strsize: number): number {
  const t = a.keyTypes[i];
  if (!t) return 8;
  return t.kind === 'string' ? (t.size || strsize) : t.size;
}

function packedWidth(size: number): number {
  return size === 1 ? 3 : size === 2 ? 5 : size === 4 ? 8 : 16;
}

/** dt_print_datum for one key field (packed: under agghist/aggpack, strings take 16 columns). */
export function formatKeyDefault(a: AggVar, i: number, k: KeyVal, strsize: number, packed = false): string {
  const t = a.keyTypes[i];
  if (t?.kind === 'stack') return formatStackDefault(typeof k === 'string' && k.length ? k.split('\n') : []);
  if (typeof k === 'string') return printStringRecord(k, t?.size ?? strsize, packed ? 16 : -50, false);
  switch (t?.size ?? 8) {
    case 1: return ' ' + padStart(String(I.toUnsigned(k, 1)), 3);
    case 2: return ' ' + padStart(String(I.toUnsigned(k, 2)), 5);
    case 4: return ' ' + padStart(String(I.wrap(k, 4, true)), 8);
    default: return ' ' + padStart(String(I.wrap(k, 8, true)), 16);
  }
}

/** dt_print_datum for the value. */
export function formatValueDefault(a: AggVar, e: AggEntry, st: DistStyle = PLAIN): string {
  switch (a.func) {
    case 'quantize': case 'lquantize': case 'llquantize': return printDistribution(a, e, st);
    case 'stddev': return ' ' + padStart(String(I.toUnsigned(scalarValue(a, e)!, 8)), 16);
    default: return ' ' + padStart(String(I.wrap(scalarValue(a, e)!, 8, true)), 16);
  }
}

export interface PrintaOptions extends SortOptions {
  strsize?: number;
  /** The options agghist, aggpack, aggzoom (set or not) and encoding, as at printing time. */
  agghist?: boolean;
  aggpack?: boolean;
  aggzoom?: boolean;
  encoding?: 'utf8' | 'ascii';
}

function styleOf(o: PrintaOptions): DistStyle {
  return o.aggzoom || o.encoding ? { zoom: o.aggzoom === true, encoding: o.encoding } : PLAIN;
}

/** dt_aggregate_total: the functions agghist draws (DTRACE_A_TOTAL is set for these only). */
const HIST_FUNCS: ReadonlySet<string> = new Set(['count', 'sum', 'avg', 'stddev']);

/**
 * dt_aggregate_total over one variable: |values| summed (aggzoom: the
 * largest trunc(|v| / 0.95)), and whether any value is positive/negative.
 * The values are raw (not normalized): avg is sum / count, stddev dt_stddev(…, 1).
 */
function histTotals(a: AggVar, entries: readonly AggEntry[], zoom: boolean): { total: number; pos: boolean; neg: boolean } {
  let total = 0n, pos = false, neg = false;
  for (const e of entries) {
    let v: bigint;
    switch (a.func) {
      case 'avg': v = I.isZero(e.n) ? 0n : I.big(I.div(e.v, e.n, 8, true)); break;
      case 'stddev': v = I.isZero(e.n) ? 0n : I.big(stddev(e.n, e.v, e.sq, 1)); break;
      default: v = I.big(e.v);
    }
    if (v > 0n) pos = true;
    if (v < 0n) { neg = true; v = -v; }
    if (zoom) { v = zoomTrunc(v); if (v > total) total = v; } else total += v;
  }
  return { total: Number(total), pos, neg };
}

/** dt_aggregate_minmaxbin for quantize: the variable's first and last non-empty bins (an empty entry counts as the zero bucket). */
function quantizeMinMax(entries: readonly AggEntry[]): { min: number; max: number } {
  let min = -1, max = -1;
  for (const e of entries) {
    const b = e.buckets!;
    let lo = -1, hi = -1;
    for (let i = 0; i < b.length; i++) {
      if (!b[i]) continue;
      if (lo === -1) lo = i;
      hi = i;
    }
    if (lo === -1) lo = hi = QUANTIZE_ZEROBUCKET;
    if (min === -1 || lo < min) min = lo;
    if (max === -1 || hi > max) max = hi;
  }
  return { min, max };
}

/** The rows of one aggregation as agghist/aggpack print them: a header, then one line per entry. */
function formatPackedRows(a: AggVar, entries: readonly AggEntry[], hist: boolean, opts: PrintaOptions, st: DistStyle): string {
  const strsize = opts.strsize ?? 256;
  let width = 0;
  for (let i = 0; i < a.keyTypes.length; i++) width += packedWidth(keyRecordSize(a, i, strsize)) + 1;
  const ht = hist ? histTotals(a, entries, st.zoom) : null;
  const mm = a.func === 'quantize' ? quantizeMinMax(entries) : { min: 1, max: a.levels + 1 };
  let out = hist ? quanthdr(width) : quanthdrPacked(width, a.func as 'quantize' | 'lquantize', mm.min, mm.max);
  for (const e of entries) {
    for (let i = 0, n = e.nkeys; i < n; i++) out += formatKeyDefault(a, i, e.key(i), strsize, true);
    if (ht) {
      // dt_print_datum draws the record's first 64-bit word: the value of count/sum, the count of avg/stddev.
      const v = a.func === 'avg' || a.func === 'stddev' ? e.n : e.v;
      out += ' ' + quantline(Number(v), a.normal, ht.total, ht.pos, ht.neg, st);
    } else if (a.func === 'quantize') {
      out += quantizePacked(e.buckets!, mm.min, mm.max, st);
    } else {
      out += lquantizePacked(e.buckets!, a.params.low ?? 0, a.params.step ?? 1, a.levels, st);
    }
  }
  return out;
}

/** Text handed to a sink at a time when rows are streamed (END's aggregations: never one string of them all). */
const SINK_CHUNK = 1 << 16;

/**
 * The rows of one aggregation in the default layout (no leading newline).
 * With `sink`, full chunks go to it as they are made and only the rest is returned.
 */
export function formatAggRows(a: AggVar, opts: PrintaOptions = {}, sink?: (chunk: string) => void): string {
  const strsize = opts.strsize ?? 256;
  const st = styleOf(opts);
  const entries = sortedEntries(a, opts);
  const hist = opts.agghist === true && HIST_FUNCS.has(a.func);
  const pack = opts.aggpack === true && (a.func === 'quantize' || a.func === 'lquantize');
  let out = '';
  if ((hist || pack) && entries.length > 0) {
    out = formatPackedRows(a, entries, hist, opts, st);
  } else {
    for (const e of entries) {
      for (let i = 0, n = e.nkeys; i < n; i++) out += formatKeyDefault(a, i, e.key(i), strsize);
      out += formatValueDefault(a, e, st) + '\n';
      if (sink !== undefined && out.length >= SINK_CHUNK) { sink(out); out = ''; }
    }
  }
  a.printed = true;
  return out;
}

/** printa(@a) / printa(@a, @b, ...) without a format: "\n" and the (joined) rows; joined rows are never packed (dtrace_aggregate_walk_joined). */
export function printaDefault(vars: readonly AggVar[], opts: PrintaOptions = {}): string {
  if (vars.length === 1) return '\n' + formatAggRows(vars[0]!, opts);
  const strsize = opts.strsize ?? 256;
  const st = styleOf(opts);
  let out = '\n';
  for (const row of joinedRows(vars, opts)) {
    for (let i = 0; i < row.keys.length; i++) out += formatKeyDefault(vars[0]!, i, row.keys[i]!, strsize);
    vars.forEach((v, i) => { out += formatValueDefault(v, row.entries[i]!, st); });
    out += '\n';
  }
  for (const v of vars) v.printed = true;
  return out;
}

/**
 * Aggregations not yet printed, as dtrace prints them at exit (no leading
 * newline): in variable order, which aggsortrev reverses too (dt_aggregate_varcmp
 * answers with DT_LESSTHAN/DT_GREATERTHAN, which the option flips).
 */
export function printUnprinted(vars: readonly AggVar[], opts: PrintaOptions = {}, sink?: (chunk: string) => void): string {
  let out = '';
  const order = opts.aggsortrev ? [...vars].reverse() : vars;
  for (const v of order) {
    if (v.printed || v.entries.size === 0) continue;
    if (sink === undefined) { out += formatAggRows(v, opts); continue; }
    const rest = formatAggRows(v, opts, (chunk) => { if (out) { sink(out); out = ''; } sink(chunk); });
    out += rest;
  }
  return out;
}

/** The value a %@ conversion prints for an entry (pfprint_average / pfprint_stddev / distributions). */
export function aggValueForFormat(a: AggVar, e: AggEntry, st: DistStyle = PLAIN): PfAggValue {
  switch (a.func) {
    case 'quantize': case 'lquantize': case 'llquantize': return { kind: 'text', text: printDistribution(a, e, st) };
    case 'avg': {
      // pfprint_average divides as uint64_t: data[1] / normal / data[0].
      if (I.isZero(e.n)) return { kind: 'int', value: 0 };
      const s = I.toUnsigned(e.v, 8);
      return { kind: 'int', value: I.div(I.div(s, I.toUnsigned(a.normal, 8), 8, false), I.toUnsigned(e.n, 8), 8, false) };
    }
    case 'count': case 'sum': case 'min': case 'max':
      // pfprint_sint/uint: value / normal.
      return { kind: 'int', value: a.normal === 1 ? e.v : I.div(e.v, a.normal, 8, a.func !== 'count') };
    default: return { kind: 'int', value: scalarValue(a, e)! };
  }
}

/** printa("format", @a, ...): one formatted row per key, sorted (and joined across aggregations). */
export function printaFormat(pf: ParsedFormat, vars: readonly AggVar[], opts: PrintaOptions = {}, ctx: FormatContext = {}): string {
  let out = '';
  const st = styleOf(opts);
  if (vars.length === 1) {
    const a = vars[0]!;
    for (const e of sortedEntries(a, opts)) out += formatPrintaRow(pf, e.keys as PfValue[], [aggValueForFormat(a, e, st)], ctx);
  } else {
    for (const row of joinedRows(vars, opts)) {
      out += formatPrintaRow(pf, row.keys as PfValue[], vars.map((v, i) => aggValueForFormat(v, row.entries[i]!, st)), ctx);
    }
  }
  for (const v of vars) v.printed = true;
  return out;
}

/**
 * Rows an AggSnapshotEvent carries at most: a million-key aggregation is
 * printed whole (Output), but the UI's table and charts get the last rows of
 * the printing order (the largest values, as at the bottom of a terminal).
 */
export const AGG_SNAPSHOT_ROWS = 10_000;

/** Structured rows for the UI (AggSnapshotEvent), in printing order: the last `maxRows` of them. */
export function aggSnapshot(a: AggVar, tsNs: string, opts: PrintaOptions = {}, maxRows = AGG_SNAPSHOT_ROWS): AggSnapshotEvent {
  const all = sortedEntries(a, opts);
  const omitted = Math.max(0, all.length - maxRows);
  // The exact printa(@a) text for the UI's "copy as dtrace text" (not when rows are left out: Output has it);
  // printing must not mark the variable printed.
  let text = '';
  if (omitted === 0) {
    const printed = a.printed;
    text = '\n' + formatAggRows(a, opts);
    a.printed = printed;
  }
  const labels = a.func === 'quantize' || a.func === 'lquantize' || a.func === 'llquantize' ? bucketLabels(a) : null;
  const num = (v: DInt): number | string => (typeof v === 'bigint' ? v.toString() : v);
  const rows = all.slice(omitted).map((e) => {
      const key = e.keys.map((k) => (typeof k === 'bigint' ? k.toString() : k));
      if (!labels) return { key, value: num(scalarValue(a, e)!) };
      const b = e.buckets!;
      let total = 0;
      for (const c of b) total += Number(c);
      return { key, value: total, buckets: b.map((count, i) => ({ lo: labels[i] ?? String(i), count: Number(count) })).filter((x) => x.count !== 0) };
  });
  return omitted > 0 ? { kind: 'agg', name: a.name, func: a.func, tsNs, rows, omitted } : { kind: 'agg', name: a.name, func: a.func, tsNs, text, rows };
}
