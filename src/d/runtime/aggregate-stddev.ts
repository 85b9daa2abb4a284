/**
 * dt_stddev (libdtrace dt_consume.c): the square root of the average of the
 * squares minus the square of the average, in 128-bit unsigned integer
 * arithmetic with truncating divisions — reproduced exactly with BigInt.
 *
 *   avg_of_squares = sumsq / normal / normal / count      (128-bit)
 *   norm_avg       = |(int64)sum / (int64)normal / (int64)count|
 *   result         = isqrt((avg_of_squares - norm_avg^2) mod 2^128)
 */
import type { DInt } from './int64.ts';
import { big, canon } from './int64.ts';

const M128 = (1n << 128n) - 1n;

function isqrt(n: bigint): bigint {
  if (n < 2n) return n;
  let x = BigInt(Math.floor(Math.sqrt(Number(n))));
  // Newton steps to the exact floor square root.
  for (;;) {
    const y = (x + n / x) >> 1n;
    if (y >= x) break;
    x = y;
  }
  while (x * x > n) x--;
  while ((x + 1n) * (x + 1n) <= n) x++;
  return x;
}

export function stddev(count: DInt, sum: DInt, sumsq: bigint, normal: DInt): DInt {
  const n = BigInt.asUintN(64, big(count));
  const nr = BigInt.asUintN(64, big(normal));
  if (n === 0n || nr === 0n) return 0;
  const avgsq = sumsq / nr / nr / n;
  // (int64_t) divisions, C truncation (BigInt division truncates too).
  let navg = BigInt.asIntN(64, big(sum)) / BigInt.asIntN(64, nr) / BigInt.asIntN(64, n);
  navg = BigInt.asIntN(64, navg);
  if (navg < 0n) navg = -navg;
  const sq = (BigInt.asUintN(64, navg) * BigInt.asUintN(64, navg)) & M128;
  const diff = (avgsq - sq) & M128;
  return canon(BigInt.asUintN(64, isqrt(diff)));
}
