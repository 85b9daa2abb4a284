import type { CliOptions } from './args.ts';

/** Compile and run D programs (issue 3), over captures (issue 4). */
export async function runDtrace(_opts: CliOptions, prog: string): Promise<number> {
  process.stderr.write(`${prog}: the D engine is not implemented yet\n`);
  return 1;
}
