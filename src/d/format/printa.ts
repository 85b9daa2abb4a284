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
 */
import type { AggEntry, AggVar, KeyVal, SortOptions } from '../runtime/aggregate.ts';
import { bucketLabels, joinedRows, scalarValue, sortedEntries } from '../runtime/aggregate.ts';
import { QUANTIZE_ZEROBUCKET, quantizeBucketVal } from '../runtime/aggregate-buckets.ts';
import type { DInt } from '../runtime/int64.ts';
import * as I from '../runtime/int64.ts';
import type { AggSnapshotEvent } from '../../engine/events.ts';
import { formatPrintaRow } from './printf.ts';
import type { FormatContext, ParsedFormat, PfAggValue, PfValue } from './printf.ts';
import { formatStackDefault, printStringRecord } from './trace.ts';

const ATS = '@'.repeat(40);
const SPACES = ' '.repeat(40);

function padStart(s: string, w: number): string { return s.length >= w ? s : ' '.repeat(w - s.length) + s; }
function padEnd(s: string, w: number): string { return s.length >= w ? s : s + ' '.repeat(w - s.length); }

/** "(long long)val / normal" with normal a uint64_t (an unsigned division unless normal is 1). */
function divNormal(v: number, normal: DInt): string {
  if (normal === 1) return String(v);
  return String(I.wrap(I.div(I.toUnsigned(v, 8), normal, 8, false), 8, true));
}

/** dt_print_quantline. */
function quantline(val: number, normal: DInt, total: number, positives: boolean, negatives: boolean): string {
  const len = 40;
  const count = padEnd(divNormal(val, normal), 9);
  if (!negatives) {
    let depth = 0;
    if (positives) depth = Math.trunc((Math.abs(val) * len) / total + 0.5);
    return '|' + ATS.slice(len - depth) + SPACES.slice(depth) + ' ' + count + '\n';
  }
  if (!positives) {
    const depth = Math.trunc((Math.abs(val) * len) / total + 0.5);
    return SPACES.slice(depth) + ATS.slice(len - depth) + '| ' + count + '\n';
  }
  const half = len / 2;
  const depth = Math.trunc((Math.abs(val) * half) / total + 0.5);
  const ats = ATS.slice(0, half), spaces = SPACES.slice(0, half);
  if (val <= 0) return spaces.slice(depth) + ats.slice(half - depth) + '|' + ' '.repeat(half) + ' ' + count + '\n';
  return ' '.repeat(20) + '|' + ats.slice(half - depth) + spaces.slice(depth) + ' ' + count + '\n';
}

const HEADER = '\n' + padStart('value', 16) + ' ' + padStart('------------- Distribution -------------', 41) + ' ' + padEnd('count', 9) + '\n';

/** Bins to show and their totals, as every dt_print_*quantize computes them. */
function range(data: readonly number[], emptyFirst: number, emptyLast: number): { first: number; last: number } {
  const n = data.length;
  let first = 0;
  while (first < n && data[first] === 0) first++;
  if (first === n) return { first: emptyFirst, last: emptyLast };
  if (first > 0) first--;
  let last = n - 1;
  while (last > 0 && data[last] === 0) last--;
  if (last < n - 1) last++;
  return { first, last };
}

function totals(data: readonly number[], first: number, last: number): { total: number; pos: boolean; neg: boolean } {
  let total = 0, pos = false, neg = false;
  for (let i = first; i <= last; i++) {
    const v = data[i]!;
    if (v > 0) pos = true;
    if (v < 0) neg = true;
    total += Math.abs(v);
  }
  return { total, pos, neg };
}

/** dt_print_quantize. */
export function printQuantize(data: readonly number[], normal: DInt = 1): string {
  // illumos stops the first-bin search at NBUCKETS - 1, so data only in the
  // last bin printed as "no data"; the DTrace test suite (aggs/tst.quantlast.d)
  // expects that bin reported, which is what we do.
  const { first, last } = range(data, QUANTIZE_ZEROBUCKET - 1, QUANTIZE_ZEROBUCKET + 1);
  const t = totals(data, first, last);
  let out = HEADER;
  for (let i = first; i <= last; i++) {
    out += padStart(String(quantizeBucketVal(i)), 16) + ' ' + quantline(data[i]!, normal, t.total, t.pos, t.neg);
  }
  return out;
}

/** dt_print_lquantize. */
export function printLquantize(data: readonly number[], base: number, step: number, levels: number, normal: DInt = 1): string {
  const { first, last } = range(data, 0, 2);
  const t = totals(data, first, last);
  let out = HEADER;
  for (let i = first; i <= last; i++) {
    let label: string;
    if (i === 0) label = `< ${base}`;
    else if (i === levels + 1) label = `>= ${base + levels * step}`;
    else label = String(base + (i - 1) * step);
    out += padStart(label, 16) + ' ' + quantline(data[i]!, normal, t.total, t.pos, t.neg);
  }
  return out;
}

/** dt_print_llquantize. */
export function printLlquantize(data: readonly number[], factor: number, low: number, high: number, nsteps: number, normal: DInt = 1): string {
  const levels = data.length;
  const { first, last } = range(data, 0, 1);
  const t = totals(data, first, last);
  let out = HEADER;
  let value = 1, order: number;
  for (order = 0; order < low; order++) value *= factor;
  let next = value * factor;
  let step = next > nsteps ? next / nsteps : 1;
  if (first === 0) out += padStart(`< ${value}`, 16) + ' ' + quantline(data[0]!, normal, t.total, t.pos, t.neg);
  let bin = 1;
  while (order <= high) {
    if (bin >= first && bin <= last) out += padStart(String(value), 16) + ' ' + quantline(data[bin]!, normal, t.total, t.pos, t.neg);
    bin++;
    if ((value += step) !== next) continue;
    next = value * factor;
    step = next > nsteps ? next / nsteps : 1;
    order++;
  }
  if (last < bin || bin >= levels) return out;
  return out + padStart(`>= ${value}`, 16) + ' ' + quantline(data[bin]!, normal, t.total, t.pos, t.neg);
}

/** The distribution text of a quantizing aggregation entry. */
export function printDistribution(a: AggVar, e: AggEntry): string {
  const b = e.buckets!;
  if (a.func === 'quantize') return printQuantize(b, a.normal);
  if (a.func === 'lquantize') return printLquantize(b, a.params.low ?? 0, a.params.step ?? 1, a.levels, a.normal);
  const p = a.params;
  return printLlquantize(b, p.factor ?? 10, p.lmag ?? 0, p.hmag ?? 1, p.nsteps ?? 10, a.normal);
}

/** dt_print_datum for one key field. */
export function formatKeyDefault(a: AggVar, i: number, k: KeyVal, strsize: number): string {
  const t = a.keyTypes[i];
  if (t?.kind === 'stack') return formatStackDefault(typeof k === 'string' && k.length ? k.split('\n') : []);
  if (typeof k === 'string') return printStringRecord(k, t?.size ?? strsize, -50, false);
  switch (t?.size ?? 8) {
    case 1: return ' ' + padStart(String(I.toUnsigned(k, 1)), 3);
    case 2: return ' ' + padStart(String(I.toUnsigned(k, 2)), 5);
    case 4: return ' ' + padStart(String(I.wrap(k, 4, true)), 8);
    default: return ' ' + padStart(String(I.wrap(k, 8, true)), 16);
  }
}

/** dt_print_datum for the value. */
export function formatValueDefault(a: AggVar, e: AggEntry): string {
  switch (a.func) {
    case 'quantize': case 'lquantize': case 'llquantize': return printDistribution(a, e);
    case 'stddev': return ' ' + padStart(String(I.toUnsigned(scalarValue(a, e)!, 8)), 16);
    default: return ' ' + padStart(String(I.wrap(scalarValue(a, e)!, 8, true)), 16);
  }
}

export interface PrintaOptions extends SortOptions { strsize?: number }

/** The rows of one aggregation in the default layout (no leading newline). */
export function formatAggRows(a: AggVar, opts: PrintaOptions = {}): string {
  const strsize = opts.strsize ?? 256;
  let out = '';
  for (const e of sortedEntries(a, opts)) {
    for (let i = 0; i < e.keys.length; i++) out += formatKeyDefault(a, i, e.keys[i]!, strsize);
    out += formatValueDefault(a, e) + '\n';
  }
  a.printed = true;
  return out;
}

/** printa(@a) / printa(@a, @b, ...) without a format: "\n" and the (joined) rows. */
export function printaDefault(vars: readonly AggVar[], opts: PrintaOptions = {}): string {
  if (vars.length === 1) return '\n' + formatAggRows(vars[0]!, opts);
  const strsize = opts.strsize ?? 256;
  let out = '\n';
  for (const row of joinedRows(vars, opts)) {
    for (let i = 0; i < row.keys.length; i++) out += formatKeyDefault(vars[0]!, i, row.keys[i]!, strsize);
    vars.forEach((v, i) => { out += formatValueDefault(v, row.entries[i]!); });
    out += '\n';
  }
  for (const v of vars) v.printed = true;
  return out;
}

/** Aggregations not yet printed, as dtrace prints them at exit (variable order; no leading newline). */
export function printUnprinted(vars: readonly AggVar[], opts: PrintaOptions = {}): string {
  let out = '';
  for (const v of vars) if (!v.printed && v.entries.size > 0) out += formatAggRows(v, opts);
  return out;
}

/** The value a %@ conversion prints for an entry (pfprint_average / pfprint_stddev / distributions). */
export function aggValueForFormat(a: AggVar, e: AggEntry): PfAggValue {
  switch (a.func) {
    case 'quantize': case 'lquantize': case 'llquantize': return { kind: 'text', text: printDistribution(a, e) };
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
  if (vars.length === 1) {
    const a = vars[0]!;
    for (const e of sortedEntries(a, opts)) out += formatPrintaRow(pf, e.keys as PfValue[], [aggValueForFormat(a, e)], ctx);
  } else {
    for (const row of joinedRows(vars, opts)) {
      out += formatPrintaRow(pf, row.keys as PfValue[], vars.map((v, i) => aggValueForFormat(v, row.entries[i]!)), ctx);
    }
  }
  for (const v of vars) v.printed = true;
  return out;
}

/** Structured rows for the UI (AggSnapshotEvent), in printing order. */
export function aggSnapshot(a: AggVar, tsNs: string, opts: PrintaOptions = {}): AggSnapshotEvent {
  // The exact printa(@a) text for the UI's "copy as dtrace text"; printing must not mark the variable printed.
  const printed = a.printed;
  const text = '\n' + formatAggRows(a, opts);
  a.printed = printed;
  const labels = a.func === 'quantize' || a.func === 'lquantize' || a.func === 'llquantize' ? bucketLabels(a) : null;
  const num = (v: DInt): number | string => (typeof v === 'bigint' ? v.toString() : v);
  return {
    kind: 'agg',
    name: a.name,
    func: a.func,
    tsNs,
    text,
    rows: sortedEntries(a, opts).map((e) => {
      const key = e.keys.map((k) => (typeof k === 'bigint' ? k.toString() : k));
      if (!labels) return { key, value: num(scalarValue(a, e)!) };
      const b = e.buckets!;
      let total = 0;
      for (const c of b) total += c;
      return { key, value: total, buckets: b.map((count, i) => ({ lo: labels[i] ?? String(i), count })).filter((x) => x.count !== 0) };
    }),
  };
}
