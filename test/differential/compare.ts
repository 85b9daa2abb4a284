/**
 * Compares wiretrace --layers with tshark over any corpus:
 *
 *   tsx test/differential/compare.ts [--max-mismatches N] DIR_OR_FILE...
 *
 * Every file starting with a pcap/pcapng/gzip magic is compared frame by
 * frame (see lib.ts and tshark.ts for the alignment rules). Prints the
 * mismatches (the first N, default 200), per-field agreement and the share
 * of frames agreeing on every field, and per link type the coverage: of the
 * frames tshark decodes as IP, how many wiretrace decodes the same, with the
 * commonest protocol paths of the frames it misses. Exit status 0, or 1 when tshark is missing.
 */
import { compareFile, findCaptures, Totals } from './lib.ts';
import { requireTshark } from './tshark.ts';

async function main(argv: string[]): Promise<number> {
  let max = 200;
  const paths: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--max-mismatches') max = Number(argv[++i]);
    else paths.push(argv[i]!);
  }
  if (paths.length === 0) {
    process.stderr.write('usage: tsx test/differential/compare.ts [--max-mismatches N] DIR_OR_FILE...\n');
    return 2;
  }
  try {
    requireTshark();
  } catch (e) {
    process.stderr.write(`compare: ${(e as Error).message}\n`);
    return 1;
  }
  const files = findCaptures(paths);
  const t = new Totals(max);
  const started = Date.now();
  let slowest: [string, number] = ['', 0];
  for (const [i, f] of files.entries()) {
    const before = t.mismatches.length;
    const t0 = Date.now();
    await compareFile(t, f);
    const ms = Date.now() - t0;
    if (ms > slowest[1]) slowest = [f, ms];
    for (const m of t.mismatches.slice(before)) process.stdout.write(`${m.file}:${m.frame}: ${m.what}\n`);
    process.stderr.write(`\r[${i + 1}/${files.length}] ${t.frames} frames, ${t.percent().toFixed(3)}% agreeing`);
  }
  process.stderr.write('\n');
  if (t.mismatchCount > t.mismatches.length) process.stdout.write(`(${t.mismatchCount - t.mismatches.length} more mismatch lines not shown)\n`);
  process.stdout.write(t.report() + '\n' + t.coverageReport() + `\ntime: ${((Date.now() - started) / 1000).toFixed(1)} s (slowest file ${slowest[0]}: ${(slowest[1] / 1000).toFixed(1)} s, tshark included)\n`);
  return 0;
}

main(process.argv.slice(2)).then((s) => { process.exitCode = s; }, (e: unknown) => {
  process.stderr.write(`compare: ${(e as Error).stack ?? String(e)}\n`);
  process.exitCode = 1;
});
