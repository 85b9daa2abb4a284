/**
 * `npm run bench`: wiretrace against cat, tcpdump and tshark on one large
 * capture, side by side in one run, reported as packets/s, MB/s, ratios and
 * peak memory. Timings are wall-clock on this machine: they are compared
 * with each other, never asserted in a test.
 *
 *   npm run bench [-- --packets N] [-- --file F] [-- --only a,b] [-- --runs N]
 *
 * Without --file, bench/out/bench.pcap is generated once (gen.ts; 1.2M
 * packets by default). The rows are in rows.ts.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, openSync, readFileSync, rmSync, statSync, closeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { generate } from './gen.ts';
import { type BenchContext, ROWS } from './rows.ts';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = join(HERE, '..');
const OUT = join(HERE, 'out');

interface Result { name: string; label: string; seconds: number; rss: number; status: number | null; skipped?: boolean; stderr: string }

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

function has(tool: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${tool}`], { stdio: 'ignore' }).status === 0;
}

/** Peak RSS of a running process from /proc (VmHWM), in bytes; 0 when unavailable. */
function vmHwm(pid: number): number {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

async function time(argv: string[], node: boolean): Promise<{ seconds: number; rss: number; status: number | null; stderr: string }> {
  const rssFile = join(OUT, `rss-${process.pid}.txt`);
  rmSync(rssFile, { force: true });
  const devnull = openSync('/dev/null', 'w');
  const t0 = process.hrtime.bigint();
  const child = spawn(argv[0]!, argv.slice(1), { stdio: ['ignore', devnull, 'pipe'], env: { ...process.env, BENCH_RSS_FILE: rssFile } });
  let stderr = '';
  child.stderr!.setEncoding('utf8');
  child.stderr!.on('data', (d: string) => { if (stderr.length < 2000) stderr += d; });
  let rss = 0;
  const poll = setInterval(() => { if (child.pid !== undefined) rss = Math.max(rss, vmHwm(child.pid)); }, 25);
  const status = await new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  clearInterval(poll);
  closeSync(devnull);
  if (node && existsSync(rssFile)) rss = Number(readFileSync(rssFile, 'utf8'));
  rmSync(rssFile, { force: true });
  return { seconds, rss, status, stderr };
}

function fmt(n: number, digits = 1): string {
  return n >= 100 ? Math.round(n).toLocaleString('en-US') : n.toFixed(digits);
}

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  const packetsWanted = Number(arg('--packets') ?? 1_200_000);
  let file = arg('--file');
  let packets = 0;
  if (file === undefined) {
    file = join(OUT, 'bench.pcap');
    const meta = join(OUT, 'bench.json');
    let ok = false;
    if (existsSync(file) && existsSync(meta)) {
      const m = JSON.parse(readFileSync(meta, 'utf8')) as { packets: number; bytes: number };
      ok = m.packets === packetsWanted && m.bytes === statSync(file).size;
      packets = m.packets;
    }
    if (!ok) {
      process.stderr.write(`generating ${file} (${packetsWanted.toLocaleString('en-US')} packets)...\n`);
      const bytes = generate(file, packetsWanted);
      packets = packetsWanted;
      await import('node:fs').then((fs) => fs.writeFileSync(meta, JSON.stringify({ packets, bytes })));
    }
  }
  const size = statSync(file).size;
  // Build what is timed: the CLI bundle as shipped, and the decode-only pass bundled the same way.
  const cli = join(ROOT, 'dist/cli/wiretrace.mjs');
  const decodeOnly = join(OUT, 'decode-only.mjs');
  await build({ entryPoints: [join(ROOT, 'src/cli/main.ts')], outfile: cli, bundle: true, platform: 'node', format: 'esm', target: 'node20', sourcemap: 'linked', logLevel: 'warning' });
  await build({ entryPoints: [join(HERE, 'decode-only.ts')], outfile: decodeOnly, bundle: true, platform: 'node', format: 'esm', target: 'node20', logLevel: 'warning' });
  const ctx: BenchContext = { file, node: process.execPath, cli, decodeOnly, rssHook: join(HERE, 'rss-hook.mjs'), has };
  const only = arg('--only')?.split(',');
  const runs = Number(arg('--runs') ?? 1);
  if (packets === 0) {
    // A given file: count its packets with the decode-only pass.
    const r = spawnSync(process.execPath, [decodeOnly, file], { encoding: 'utf8' });
    packets = (JSON.parse(r.stderr.trim().split('\n').at(-1) ?? '{}') as { packets?: number }).packets ?? 0;
  }
  // Warm the page cache so every row reads from memory.
  spawnSync('cat', [file], { stdio: 'ignore' });
  process.stderr.write(`capture: ${file}, ${(size / 1e6).toFixed(1)} MB, ${packets.toLocaleString('en-US')} packets\n`);

  const results: Result[] = [];
  for (const row of ROWS) {
    if (only && !only.includes(row.name)) continue;
    const argv = row.argv(ctx);
    if (argv === null) {
      results.push({ name: row.name, label: row.label, seconds: NaN, rss: 0, status: null, skipped: true, stderr: '' });
      continue;
    }
    let best: Awaited<ReturnType<typeof time>> | null = null;
    for (let i = 0; i < runs; i++) {
      process.stderr.write(`running ${row.label}...\n`);
      const r = await time(argv, row.node === true);
      if (best === null || r.seconds < best.seconds) best = r;
    }
    results.push({ name: row.name, label: row.label, ...best! });
  }

  const layers = results.find((r) => r.name === 'layers');
  const lines: string[] = [];
  lines.push('');
  lines.push(`${'command'.padEnd(46)} ${'seconds'.padStart(8)} ${'packets/s'.padStart(12)} ${'MB/s'.padStart(8)} ${'vs --layers'.padStart(12)} ${'peak RSS'.padStart(10)}`);
  for (const r of results) {
    if (r.skipped) { lines.push(`${r.label.padEnd(46)} (skipped: tool not installed)`); continue; }
    const pps = packets / r.seconds;
    const mbs = size / 1e6 / r.seconds;
    const ratio = layers && !layers.skipped ? `${(r.seconds / layers.seconds).toFixed(2)}x` : '-';
    const fail = r.status !== 0 ? `  (exit ${r.status}: ${r.stderr.trim().split('\n')[0]})` : '';
    lines.push(`${r.label.padEnd(46)} ${r.seconds.toFixed(3).padStart(8)} ${fmt(pps).padStart(12)} ${fmt(mbs).padStart(8)} ${ratio.padStart(12)} ${(r.rss ? `${(r.rss / 1048576).toFixed(0)} MB` : '-').padStart(10)}${fail}`);
  }
  const get = (n: string): Result | undefined => results.find((r) => r.name === n && !r.skipped);
  const cat = get('cat'); const dec = get('decode'); const td = get('tcpdump'); const ts = get('tshark');
  lines.push('');
  lines.push('targets:');
  const check = (ok: boolean, text: string): void => { lines.push(`  [${ok ? 'ok' : 'MISSED'}] ${text}`); };
  if (cat && dec) check(dec.seconds <= 2 * cat.seconds, `decode-only at least half of cat's bandwidth: ${(size / 1e6 / dec.seconds).toFixed(0)} vs ${(size / 1e6 / cat.seconds).toFixed(0)} MB/s (${((cat.seconds / dec.seconds) * 100).toFixed(0)}%)`);
  if (layers && td) check(layers.seconds < td.seconds, `--layers faster than tcpdump: ${(td.seconds / layers.seconds).toFixed(2)}x`);
  if (layers && ts) check(ts.seconds >= 20 * layers.seconds, `--layers at least 20x faster than tshark: ${(ts.seconds / layers.seconds).toFixed(1)}x`);
  for (const r of [dec, layers]) {
    if (r) check(r.rss < 200 * 1048576, `${r.name}: peak memory under 200 MB: ${(r.rss / 1048576).toFixed(0)} MB (capture ${(size / 1e9).toFixed(2)} GB; reading is streamed, so memory does not grow with the file)`);
  }
  process.stdout.write(lines.join('\n') + '\n');
}

main().catch((e: unknown) => {
  process.stderr.write(`bench: ${(e as Error).stack ?? String(e)}\n`);
  process.exitCode = 1;
});
