/**
 * Exact pcapng timestamps without BigInt on the per-packet path.
 *
 * A pcapng timestamp is a 64-bit count of 1/R second units (R = 10^n or 2^n
 * from if_tsresol), split into two 32-bit words. Wireshark computes
 *   secs  = ts / R
 *   nsecs = (ts % R) * 10^9 / R        (integer division, i.e. floor)
 * and adds if_tsoffset to secs. We do the same with doubles, keeping every
 * intermediate below 2^53 so each operation is exact:
 *   - ts < 2^53: one division, corrected by one step if rounding crossed an integer;
 *   - secs < 2^32 (every real capture): one inexact division, then the exact
 *     remainder from secs split in 16-bit halves (each product < 2^49), fixed up;
 *   - otherwise: long division by R in 16-bit limbs (R <= 2^32 keeps each partial
 *     dividend < 2^48);
 *   - nsecs: R divides 10^9 → multiply; R = 2^k → 10^9/2^k = 1953125/2^(k-9), so
 *     rem * 1953125 < 2^53 and dividing by a power of two is exact.
 * Resolutions above 2^32 units per second (10^10 and finer, 2^33 and finer) take a
 * BigInt path; they are set per interface and essentially never seen.
 *
 * Seconds beyond 2^53 (a 64-bit count of seconds or tenths, or an if_tsoffset
 * near 2^63) are not exact doubles: then tsSec is the nearest double and
 * tsSecBig the exact value (checked with one comparison per packet).
 */
import type { PacketRecord } from './types.ts';

/** One interface's timestamp unit, with a small cache. A class, so every instance has one shape (fast property access). */
export class TsResolution {
  /**
   * Cache for the high timestamp word (it changes every 2^32 units, e.g. every
   * 4.3 s at ns resolution): hi * 2^32 = cacheSec * R + cacheRem.
   */
  cacheHi = -1;
  cacheSec = 0;
  cacheRem = 0;
  readonly inv: number;
  constructor(
    /** Units per second (R). */
    readonly perSec: number,
    readonly perSecBig: bigint,
    /** 0: R divides 10^9 (mul = 10^9/R); 1: R = 2^k, 9 < k <= 32; 2: finer than 2^32 per second (BigInt). */
    readonly kind: 0 | 1 | 2,
    readonly mul: number,
    /** For kind 1: k. */
    readonly log2: number,
    /** if_tsoffset, seconds added to every timestamp (exact: |offset| < 2^53, else offsetBig decides). */
    readonly offset: number,
    /** if_tsoffset exactly (int64). */
    readonly offsetBig: bigint = BigInt(offset),
  ) {
    this.inv = 1 / perSec;
    this.offsetExact = Number.isSafeInteger(offset) && BigInt(offset) === offsetBig;
  }
  /** Whether `offset` is the exact if_tsoffset. */
  readonly offsetExact: boolean;
}

/** `offset`: if_tsoffset in seconds (a bigint when read from the capture: it is an int64). */
export function tsResolution(tsresol: number, offset: number | bigint = 0): TsResolution | null {
  const binary = (tsresol & 0x80) !== 0;
  const exp = tsresol & 0x7f;
  const ob = BigInt(offset);
  const o = Number(ob);
  if (binary) {
    if (exp > 63) return null;
    const big = 1n << BigInt(exp);
    if (exp <= 32) return new TsResolution(2 ** exp, big, exp <= 9 ? 0 : 1, 1e9 / 2 ** exp, exp, o, ob);
    return new TsResolution(Number(big), big, 2, 0, exp, o, ob);
  }
  if (exp > 19) return null; // 10^20 does not fit in 64 bits (Wireshark rejects it too)
  const big = 10n ** BigInt(exp);
  if (exp <= 9) return new TsResolution(10 ** exp, big, 0, 10 ** (9 - exp), 0, o, ob);
  return new TsResolution(Number(big), big, 2, 0, 0, o, ob);
}

/** Microseconds, the pcapng default when an IDB has no if_tsresol. */
export const DEFAULT_RESOLUTION: TsResolution = tsResolution(6)!;

const TWO32 = 4294967296;

/** Sets rec.tsSec/tsNsec from the two timestamp words. */
export function setTimestamp(rec: PacketRecord, hi: number, lo: number, r: TsResolution): void {
  if (r.kind === 2) { setTimestampBig(rec, hi, lo, r); return; }
  const R = r.perSec;
  let sec: number;
  let rem: number;
  if (hi === r.cacheHi) {
    // Same high word as the previous packet: t = cacheSec * R + (cacheRem + lo), cacheRem + lo < 2^53.
    // Multiply by 1/R (faster than dividing); the quotient may be off by one, fixed below.
    const x = r.cacheRem + lo;
    let q = Math.floor(x * r.inv);
    rem = x - q * R;
    if (rem < 0) { q--; rem += R; } else if (rem >= R) { q++; rem -= R; }
    sec = r.cacheSec + q;
  } else if (hi < 0x200000) {
    const t = hi * TWO32 + lo;
    sec = Math.floor(t / R);
    rem = t - sec * R;
    if (rem < 0) { sec--; rem += R; } else if (rem >= R) { sec++; rem -= R; }
  } else if (hi < R) {
    // sec < 2^32: one (inexact) division gives sec to within 1; the remainder is then
    // computed exactly with sec split in 16-bit halves (every product < 2^49), and fixed up.
    const t = hi * TWO32 + lo;
    sec = Math.floor(t / R);
    const sh = Math.floor(sec / 65536);
    const sl = sec - sh * 65536;
    rem = (hi * 65536 - sh * R) * 65536 - sl * R + lo;
    while (rem < 0) { sec--; rem += R; }
    while (rem >= R) { sec++; rem -= R; }
    // Remember hi * 2^32 = cs * R + cr for the packets that follow (cr = rem - lo, fixed into [0, R)).
    let cs = sec;
    let cr = rem - lo;
    if (cr < 0) { const k = Math.ceil(-cr / R); cs -= k; cr += k * R; }
    r.cacheHi = hi;
    r.cacheSec = cs;
    r.cacheRem = cr;
  } else {
    const qh = Math.floor(hi / R);
    const rh = hi - qh * R;
    const x = rh * 65536 + (lo >>> 16);
    const q1 = Math.floor(x / R);
    const r1 = x - q1 * R;
    const y = r1 * 65536 + (lo & 0xffff);
    const q0 = Math.floor(y / R);
    rem = y - q0 * R;
    sec = qh * TWO32 + q1 * 65536 + q0;
  }
  let ns: number;
  if (r.kind === 0) ns = rem * r.mul;
  else if (r.log2 <= 23) ns = Math.floor((rem * 1e9) / R);
  else ns = Math.floor((rem * 1953125) / 2 ** (r.log2 - 9));
  const s = sec + r.offset;
  // Exact unless the seconds (or the offset) leave the safe range: then recompute with BigInt.
  if (s <= MAX_SAFE && s >= -MAX_SAFE && sec <= MAX_SAFE && r.offsetExact) {
    rec.tsSec = s;
    rec.tsSecBig = null;
    rec.tsNsec = ns;
    return;
  }
  setTimestampBig(rec, hi, lo, r);
}

const MAX_SAFE = Number.MAX_SAFE_INTEGER;

function setTimestampBig(rec: PacketRecord, hi: number, lo: number, r: TsResolution): void {
  const t = (BigInt(hi) << 32n) | BigInt(lo);
  const R = r.perSecBig;
  const sec = t / R + r.offsetBig;
  rec.tsSec = Number(sec);
  rec.tsSecBig = sec >= -9007199254740991n && sec <= 9007199254740991n ? null : sec;
  rec.tsNsec = Number(((t % R) * 1000000000n) / R);
}
