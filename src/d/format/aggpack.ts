/**
 * The options `aggpack`, `agghist`, `aggzoom` and `encoding`, after illumos
 * libdtrace (dt_consume.c dt_print_quanthdr, dt_print_quanthdr_packed,
 * dt_print_packed, dt_print_quantize_packed, dt_print_lquantize_packed,
 * dt_print_quantline_utf8, dt_quantize_total, dt_ndigits; dt_aggregate.c
 * dt_aggregate_total and dt_aggregate_minmaxbin).
 *
 * Passes (what dtrace_aggregate_walk_sorted does before printing one
 * aggregation with printa(@a) or at exit; joined printa(@a, @b) and printa
 * with a format never pack):
 *  - agghist: for count/sum/avg/stddev, every entry's value is totalled
 *    over the whole variable (sum of |v|, or with aggzoom the largest
 *    trunc(|v| / 0.95)) and the variable's signs noted; each row then prints
 *    its keys and a 40-column bar of that total (dt_print_quantline).
 *  - aggpack: for quantize, the smallest and largest non-empty bins over the
 *    whole variable (an entry with no data counts as the zero bucket); for
 *    lquantize always every bin. Each row then prints one glyph per bin
 *    between "min :" and ": max | count".
 *  - Either way the keys print in their packed widths (strings and other
 *    records 16 columns instead of -50), a header line comes once per
 *    variable, and rows end with the bar's own newline.
 *  - aggzoom also scales ordinary distributions: the largest bucket fills
 *    95% of the bar instead of the bar being the total.
 *
 * Glyphs: packed rows use UTF-8 block elements U+2581..U+2588 unless
 * `encoding=ascii` ("__xxxxXX", negatives "vvvvVV"); libdtrace also falls
 * back to ASCII when $TERM is sun, sun-color or dumb, which a capture
 * replay cannot see, so here unset means UTF-8. Ordinary bars use U+2588
 * and the partial blocks U+2589..U+258F only with `encoding=utf8`. Output
 * text is bytes (latin1 chars), so a glyph is its three UTF-8 bytes.
 */
import type { DInt } from '../runtime/int64.ts';
import { QUANTIZE_NBUCKETS, QUANTIZE_ZEROBUCKET, quantizeBucketVal } from '../runtime/aggregate-buckets.ts';

/** How distributions and packed rows are drawn (from the options at printing time). */
export interface DistStyle {
  /** aggzoom: scale bars to the largest bucket (DTRACE_AGGZOOM_MAX 0.95). */
  zoom: boolean;
  /** encoding: 'utf8' and 'ascii' when set, undefined when unset. */
  encoding?: 'utf8' | 'ascii';
}

export const PLAIN: DistStyle = { zoom: false };

/** 1 / DTRACE_AGGZOOM_MAX, computed in double as the C constant expression is. */
const ZOOM = 1 / 0.95;

/** The three bytes of a UTF-8 block element, as latin1 chars (DTRACE_AGGUTF8_BYTE0..2). */
export function utf8Glyph(cp: number): string {
  return String.fromCharCode(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f));
}

/** dt_quantize_total: add |datum| to the total, or with aggzoom keep the largest |datum| / 0.95. */
export function quantizeTotal(total: number, datum: number, zoom: boolean): number {
  const v = Math.abs(datum);
  if (!zoom) return total + v;
  const z = v * ZOOM;
  return total < z ? z : total;
}

/**
 * (int64_t)((long double)v * (1 / DTRACE_AGGZOOM_MAX)) for v >= 0: the
 * product of an integer and a double is exact in a long double, so the
 * truncation is computed exactly (a double product can round up to the next
 * integer: 19 * (1/0.95) is just below 20).
 */
export function zoomTrunc(v: bigint): bigint {
  // ZOOM = m * 2^-52 exactly (1 <= ZOOM < 2).
  const m = BigInt(ZOOM * 2 ** 52);
  return (v * m) >> 52n;
}

/** dt_ndigits: digits counted the way libdtrace counts them (at least 4). */
export function ndigits(val: DInt): number {
  let v = BigInt(val);
  let r = 1;
  if (v < 0n) {
    v = v === -(1n << 63n) ? (1n << 63n) - 1n : -v;
    r++;
  }
  let cmp = 10n;
  while (v > cmp && cmp > 0n) {
    r++;
    cmp = BigInt.asIntN(64, cmp * 10n);
  }
  return r < 4 ? 4 : r;
}

function padStart(s: string, w: number): string { return s.length >= w ? s : ' '.repeat(w - s.length) + s; }
function padEnd(s: string, w: number): string { return s.length >= w ? s : s + ' '.repeat(w - s.length); }

const ASCII = '__xxxxXX';
const NEG = 'vvvvVV';

/** dt_print_packed: one bin's glyph. */
export function packedGlyph(datum: number, total: number, encoding: DistStyle['encoding']): string {
  if (datum === 0) return ' ';
  if (datum < 0) return NEG[Math.trunc(Math.abs(datum * (NEG.length - 1)) / total + 0.5)]!;
  if (encoding !== 'ascii') return utf8Glyph(0x2581 + Math.trunc((datum * 7) / total + 0.5));
  return ASCII[Math.trunc((datum * (ASCII.length - 1)) / total + 0.5)]!;
}

/** The bins a packed quantize row shows, from the variable's min and max non-empty bins. */
function quantizePackedRange(minbin: number, maxbin: number): { min: number; max: number } {
  let min = minbin, max = maxbin;
  if (min !== 0 && min !== QUANTIZE_ZEROBUCKET) min--;
  if (max < QUANTIZE_NBUCKETS - 1) max++;
  return { min, max };
}

/** dt_print_quanthdr: the agghist header (width 0: the "value" column of 16). */
export function quanthdr(width: number): string {
  return '\n' + padStart(width ? 'key' : 'value', width || 16) + ' ' + padStart('------------- Distribution -------------', 41) + ' ' + padEnd('count', 9) + '\n';
}

/** dt_print_quanthdr_packed for quantize (bins of the variable) or lquantize (levels). */
export function quanthdrPacked(width: number, func: 'quantize' | 'lquantize', minbin: number, maxbin: number): string {
  let min: number, max: number, minwidth: number, maxwidth: number;
  if (func === 'quantize') {
    ({ min, max } = quantizePackedRange(minbin, maxbin));
    minwidth = ndigits(quantizeBucketVal(min));
    maxwidth = ndigits(quantizeBucketVal(max));
  } else {
    min = minbin;
    max = maxbin + 1;
    maxwidth = 8;
    minwidth = maxwidth - 1;
  }
  const key = width > 0 ? 'key' : '';
  return '\n' + padStart(key, width) + ' ' + padStart('min', minwidth) + ' .' + '-'.repeat(Math.max(0, max - min + 1)) + '. ' + padEnd('max', maxwidth) + ' | count\n';
}

/** dt_print_quantize_packed: " min :glyphs: max | count\n". */
export function quantizePacked(data: readonly DInt[], minbin: number, maxbin: number, st: DistStyle): string {
  const { min, max } = quantizePackedRange(minbin, maxbin);
  const minval = quantizeBucketVal(min), maxval = quantizeBucketVal(max);
  let total = 0, count = 0;
  for (let i = min; i <= max; i++) {
    total = quantizeTotal(total, Number(data[i]!), st.zoom);
    count += Number(data[i]!);
  }
  let out = ' ' + padStart(String(minval), ndigits(minval)) + ' :';
  for (let i = min; i <= max; i++) out += packedGlyph(Number(data[i]!), total, st.encoding);
  return out + ': ' + padEnd(String(maxval), ndigits(maxval)) + ' | ' + String(Math.trunc(count)) + '\n';
}

/** dt_print_lquantize_packed: every bin, "< base :glyphs: >= top | count\n". */
export function lquantizePacked(data: readonly DInt[], base: number, step: number, levels: number, st: DistStyle): string {
  const max = levels + 1;
  let total = 0, count = 0;
  for (let i = 0; i <= max; i++) {
    total = quantizeTotal(total, Number(data[i]!), st.zoom);
    count += Number(data[i]!);
  }
  let out = padStart(`< ${base}`, 8) + ' :';
  for (let i = 0; i <= max; i++) out += packedGlyph(Number(data[i]!), total, st.encoding);
  return out + ': ' + padEnd(`>= ${base + levels * step}`, 8) + ' | ' + String(Math.trunc(count)) + '\n';
}
