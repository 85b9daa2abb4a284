import type { CliOptions } from './args.ts';

/** `wiretrace --layers -r FILE`: one TSV line per IP layer per frame. Owned by the decode work (issue 2). */
export async function runLayers(_opts: CliOptions, prog: string): Promise<number> {
  process.stderr.write(`${prog}: --layers is not implemented yet\n`);
  return 1;
}
