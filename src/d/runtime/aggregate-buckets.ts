/**
 * Bucket arithmetic of quantize(), lquantize() and llquantize(), as the
 * illumos kernel computes it (dtrace.c dtrace_aggregate_quantize,
 * _lquantize, _llquantize_bucket) and as libdtrace labels the buckets.
 */
import type { DInt } from './int64.ts';

/** DTRACE_QUANTIZE_NBUCKETS: 63 negative, zero, 63 positive. */
export const QUANTIZE_NBUCKETS = 127;
export const QUANTIZE_ZEROBUCKET = 63;

/** DTRACE_QUANTIZE_BUCKETVAL as an exact value (number for |v| <= 2^53, else bigint). */
export function quantizeBucketVal(b: number): DInt {
  if (b === QUANTIZE_ZEROBUCKET) return 0;
  if (b < QUANTIZE_ZEROBUCKET) {
    const k = QUANTIZE_ZEROBUCKET - 1 - b;
    return k <= 53 ? -(2 ** k) : -(1n << BigInt(k));
  }
  const k = b - QUANTIZE_ZEROBUCKET - 1;
  return k <= 53 ? 2 ** k : 1n << BigInt(k);
}

/** floor(log2(v)) for v >= 1. */
function log2floor(v: DInt): number {
  if (typeof v === 'bigint') return v.toString(2).length - 1;
  if (v < 4294967296) return 31 - Math.clz32(v);
  return 63 - Math.clz32(Math.floor(v / 4294967296));
}

/** The bucket index a value falls into (dtrace_aggregate_quantize). */
export function quantizeBucket(v: DInt): number {
  if (v === 0 || v === 0n) return QUANTIZE_ZEROBUCKET;
  if (v > 0) {
    const k = log2floor(v);
    return k >= 62 ? QUANTIZE_NBUCKETS - 1 : QUANTIZE_ZEROBUCKET + 1 + k;
  }
  // v in (-2^(k+1), -2^k] goes to the bucket labelled -2^k.
  const m = typeof v === 'bigint' ? -v : -v;
  const k = log2floor(m);
  return k >= 62 ? 0 : QUANTIZE_ZEROBUCKET - 1 - k;
}

/** lquantize(value, base, limit, step) levels = (limit - base) / step. */
export function lquantizeLevels(base: number, limit: number, step: number): number {
  return Math.trunc((limit - base) / step);
}

/** Index into the levels+2 buckets: 0 is "< base", levels+1 is ">= limit". */
export function lquantizeBucket(v: DInt, base: number, step: number, levels: number): number {
  if (v < base) return 0;
  const level = typeof v === 'bigint' ? Number((v - BigInt(base)) / BigInt(step)) : Math.floor((v - base) / step);
  return level < levels ? level + 1 : levels + 1;
}

/** dtrace_aggregate_llquantize_bucket (int64 arithmetic; magnitudes fit doubles up to 2^53). */
export function llquantizeBucket(factor: number, low: number, high: number, nsteps: number, value: DInt): number {
  let thisv = 1;
  let base = 1;
  let order: number;
  for (order = 0; order < low; order++) thisv *= factor;
  let last = thisv;
  if (value < last) return 0;
  let val = value;
  for (thisv *= factor; order <= high; order++) {
    const nbuckets = thisv > nsteps ? nsteps : thisv;
    const next = thisv * factor;
    if (next > 2 ** 63) val = thisv - 1; // int64 overflow clamp, as the kernel does
    if (val < thisv) {
      const off = typeof val === 'bigint' ? Number(val) - last : val - last;
      return base + Math.floor(off / (thisv / nbuckets));
    }
    base += nbuckets - nbuckets / factor;
    last = thisv;
    thisv = next;
  }
  return base;
}

/** Number of llquantize buckets (the kernel sizes the aggregation with bucket(INT64_MAX) + 1). */
export function llquantizeNBuckets(factor: number, low: number, high: number, nsteps: number): number {
  return llquantizeBucket(factor, low, high, nsteps, 9223372036854775807n) + 1;
}

/**
 * Validity of llquantize parameters as the kernel checks them: factor >= 2,
 * low < high, nsteps >= factor, nsteps divides a power of factor and factor divides nsteps.
 */
export function llquantizeValid(factor: number, low: number, high: number, nsteps: number): boolean {
  if (factor < 2 || low >= high || nsteps < factor) return false;
  let v = factor;
  while (v < nsteps) v *= factor;
  return v % nsteps === 0 && nsteps % factor === 0;
}
