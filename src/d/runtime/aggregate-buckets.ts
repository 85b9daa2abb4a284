/**
 * Bucket arithmetic of quantize() and lquantize(), as the illumos kernel
 * computes it (dtrace.c dtrace_aggregate_quantize, _lquantize), of
 * llquantize() as Linux DTrace does, and as libdtrace labels the buckets.
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

/*
 * llquantize(value, factor, lmag, hmag, steps), as Linux DTrace bins it
 * (dt_cg.c dt_cg_agg_llquantize_bin): each magnitude mag in [lmag, hmag]
 * covers |value| in [factor^mag, factor^(mag+1)) with steps - steps/factor
 * linear bins (the steps/factor lowest would overlap the magnitude below);
 * negative values mirror the positive ones. The bins, in numerical order:
 * negative overflow, the negative magnitudes, the underflow bin (|value| <
 * factor^lmag: "0" when lmag is 0) in the middle, the positive magnitudes,
 * positive overflow. illumos keeps no negative bins (every value below
 * factor^lmag is underflow) and needs steps >= factor: the README's "What
 * differs" says why wiretrace follows Linux.
 */

/** The bins one magnitude holds. */
function perMag(factor: number, steps: number): number { return steps - Math.trunc(steps / factor); }

/** The underflow bin, in the middle of the bins. */
export function llquantizeZeroBin(factor: number, lmag: number, hmag: number, steps: number): number {
  return 1 + (hmag - lmag + 1) * perMag(factor, steps);
}

/** Number of bins: both signs' magnitudes, the two overflow bins and underflow. */
export function llquantizeNBuckets(factor: number, lmag: number, hmag: number, steps: number): number {
  return 2 * (hmag - lmag + 1) * perMag(factor, steps) + 3;
}

const SAFE = Number.MAX_SAFE_INTEGER;

/** The bin a value falls into. */
export function llquantizeBucket(factor: number, lmag: number, hmag: number, steps: number, value: DInt): number {
  if (typeof value === 'bigint') return bucketBig(factor, lmag, hmag, steps, value);
  const under = llquantizeZeroBin(factor, lmag, hmag, steps);
  const tmp = value < 0 ? -value : value;
  let max = 1;
  for (let i = 0; i < lmag; i++) {
    max *= factor;
    if (max > SAFE) return under; // |value| < 2^53 <= factor^lmag
  }
  if (tmp < max) return under;
  let mag = lmag, ind = 0;
  for (;;) {
    max *= factor;
    if (max > SAFE) return bucketBig(factor, lmag, hmag, steps, BigInt(value));
    if (tmp < max) {
      ind = (mag !== 0 ? Math.trunc(tmp / (max / steps)) : Math.trunc((tmp * steps) / max)) - Math.trunc(steps / factor);
      break;
    }
    if (++mag > hmag) break;
  }
  const m = (mag - lmag) * perMag(factor, steps) + ind + 1;
  return under + (value < 0 ? -m : m);
}

/** The same in 64-bit arithmetic, for values or magnitudes past 2^53 (|INT64_MIN| read unsigned, as BPF does). */
function bucketBig(factor: number, lmag: number, hmag: number, steps: number, value: bigint): number {
  const under = llquantizeZeroBin(factor, lmag, hmag, steps);
  const f = BigInt(factor), s = BigInt(steps);
  const tmp = BigInt.asUintN(64, value < 0n ? -value : value);
  let max = f ** BigInt(lmag);
  if (tmp < max) return under;
  let mag = lmag, ind = 0;
  for (;;) {
    max *= f;
    if (tmp < max) {
      ind = Number(mag !== 0 ? tmp / (max / s) : (tmp * s) / max) - Math.trunc(steps / factor);
      break;
    }
    if (++mag > hmag) break;
  }
  const m = (mag - lmag) * perMag(factor, steps) + ind + 1;
  return under + (value < 0n ? -m : m);
}

function powExact(factor: number, n: number): DInt {
  let v = 1;
  for (let i = 0; i < n; i++) {
    v *= factor;
    if (v > SAFE) return BigInt(factor) ** BigInt(n);
  }
  return v;
}

/**
 * Each magnitude bin's value (the lower bound dt_print_llquantize labels it
 * with and dt_aggregate_llquantizedsum weighs it by), positive side: calls
 * f(offset from the underflow bin, value) in increasing order; the overflow
 * bin comes last with factor^(hmag+1). Bins that can never hold a value
 * (lmag 0 with steps > factor: magnitude 0 has fewer distinct values than
 * bins) are skipped.
 */
export function llquantizeBinValues(factor: number, lmag: number, hmag: number, steps: number, f: (i: number, v: DInt) => void): void {
  const sf = Math.trunc(steps / factor);
  let mag = lmag, i = 1;
  if (lmag === 0 && steps > factor) {
    for (let step = 2; step <= factor; step++) { i += sf; f(i, step); }
    mag++;
  }
  let scale = powExact(factor, mag + 1);
  scale = typeof scale === 'bigint' ? scale / BigInt(steps) : Math.trunc(scale / steps);
  for (; mag <= hmag; mag++) {
    for (let step = sf + 1; step <= steps; step++) {
      i++;
      f(i, typeof scale === 'bigint' ? scale * BigInt(step) : step * scale > SAFE ? BigInt(scale) * BigInt(step) : step * scale);
    }
    scale = typeof scale === 'bigint' ? scale * BigInt(factor) : scale * factor > SAFE ? BigInt(scale) * BigInt(factor) : scale * factor;
  }
}

/**
 * dt_print_llquantize's labels for bins [first, last] (first and last already
 * widened by one): null for a bin it does not print. The underflow bin reads
 * "0" when lmag is 0, else "< factor^lmag" when no negative bin is shown and
 * "abs() < factor^lmag" when one is; the overflow bins "<= -factor^(hmag+1)"
 * and ">= factor^(hmag+1)". A first or last bin that can never hold a value
 * borrows the label of the nearest bin that can (its "ghost bin" rule).
 */
export function llquantizeLabels(factor: number, lmag: number, hmag: number, steps: number, first: number, last: number): (string | null)[] {
  const sf = Math.trunc(steps / factor);
  const bin0 = llquantizeZeroBin(factor, lmag, hmag, steps);
  const nbins = llquantizeNBuckets(factor, lmag, hmag, steps);
  const pad = lmag === 0 && steps > factor ? sf : 0;
  const c: (string | null)[] = new Array<string | null>(last - first + 1 + 2 * pad).fill(null);
  const put = (i: number, label: string): void => {
    if (i >= first - pad && i <= last + pad) c[i - first + pad] = label;
  };
  const scale = String(powExact(factor, lmag));
  if (scale === '1') put(bin0, '0');
  else if (first >= bin0) put(bin0, `< ${scale}`);
  else put(bin0, `abs() < ${scale}`);
  put(bin0 - 1, `-${scale}`);
  put(bin0 + 1, scale);
  llquantizeBinValues(factor, lmag, hmag, steps, (i, v) => { put(bin0 - i, `-${v}`); put(bin0 + i, String(v)); });
  const top = String(powExact(factor, hmag + 1));
  put(0, `<= -${top}`);
  put(nbins - 1, `>= ${top}`);
  if (pad > 0) {
    const borrow = (j: number, dir: number): void => {
      if (c[j] !== null) return;
      for (let i = 1; i < pad; i++) if (c[j + dir * i] !== null) { c[j] = c[j + dir * i]!; return; }
    };
    borrow(pad, -1);
    borrow(last - first + pad, 1);
  }
  return c.slice(pad, pad + last - first + 1);
}
