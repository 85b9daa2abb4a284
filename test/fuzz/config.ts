/**
 * The fuzz and property tests' settings: a fixed seed, so `npm test` runs
 * the same cases every time (a failure names its seed and path to replay),
 * and a scale for longer runs: `npm run fuzz` sets FUZZ_SCALE (default 25)
 * and a fresh FUZZ_SEED unless one is given.
 */
export const FUZZ_SEED = Number(process.env.FUZZ_SEED ?? 13013);
export const FUZZ_SCALE = Math.max(1, Number(process.env.FUZZ_SCALE ?? 1));

/** fast-check parameters: `n` cases in `npm test`, n × FUZZ_SCALE under `npm run fuzz`. */
export function runs(n: number): { numRuns: number; seed: number } {
  return { numRuns: Math.round(n * FUZZ_SCALE), seed: FUZZ_SEED };
}
