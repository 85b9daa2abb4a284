/** Wall-clock helpers: every sample time is an exact bigint of nanoseconds since the epoch. */

/** `iso` (UTC, e.g. '2007-06-22T14:05:10Z') plus `ns` nanoseconds. */
export function at(iso: string, ns: bigint | number = 0n): bigint {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new Error(`bad time ${iso}`);
  return BigInt(ms) * 1_000_000n + BigInt(ns);
}

export const US = 1_000n;
export const MS = 1_000_000n;
export const SEC = 1_000_000_000n;
