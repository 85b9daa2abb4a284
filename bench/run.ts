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

interface Result extends Timing { name: string; label: string; skipped?: boolean }

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

interface Timing { seconds: number; cpu: number; rss: number; status: number | null; stderr: string }

const GNU_TIME = '/usr/bin/time';
const haveGnuTime = existsSync(GNU_TIME) && spawnSync(GNU_TIME, ['-f', '%e', 'true'], { stdio: 'ignore' }).status === 0;

/**
 * Runs argv with stdout to /dev/null. Wall time from here; CPU time (user +
 * sys) and peak RSS from GNU time when installed (else /proc VmHWM polling,
 * and no CPU time). A Node row's peak RSS comes from the rss hook (exact).
 */
async function time(argv: string[], node: boolean): Promise<Timing> {
  const rssFile = join(OUT, `rss-${process.pid}.txt`);
  const timeFile = join(OUT, `time-${process.pid}.txt`);
  rmSync(rssFile, { force: true });
  rmSync(timeFile, { force: true });
  const cmd = haveGnuTime ? [GNU_TIME, '-f', '%e %U %S %M', '-o', timeFile, ...argv] : argv;
  const devnull = openSync('/dev/null', 'w');
  const t0 = process.hrtime.bigint();
  const child = spawn(cmd[0]!, cmd.slice(1), { stdio: ['ignore', devnull, 'pipe'], env: { ...process.env, BENCH_RSS_FILE: rssFile } });
  let stderr = '';
  child.stderr!.setEncoding('utf8');
  child.stderr!.on('data', (d: string) => { if (stderr.length < 2000) stderr += d; });
  let rss = 0;
  const poll = haveGnuTime ? undefined : setInterval(() => { if (child.pid !== undefined) rss = Math.max(rss, vmHwm(child.pid)); }, 25);
  const status = await new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  if (poll !== undefined) clearInterval(poll);
  closeSync(devnull);
  let cpu = NaN;
  if (haveGnuTime && existsSync(timeFile)) {
    const last = readFileSync(timeFile, 'utf8').trim().split('\n').at(-1)!.split(' ').map(Number);
    cpu = last[1]! + last[2]!;
    rss = last[3]! * 1024;
  }
  if (node && existsSync(rssFile)) rss = Number(readFileSync(rssFile, 'utf8'));
  rmSync(rssFile, { force: true });
  rmSync(timeFile, { force: true });
  return { seconds, cpu, rss, status, stderr };
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
  const readOnly = join(OUT, 'read-only.mjs');
  await build({ entryPoints: [join(ROOT, 'src/cli/main.ts')], outfile: cli, bundle: true, platform: 'node', format: 'esm', target: 'node20', sourcemap: 'linked', logLevel: 'warning' });
  await build({ entryPoints: [join(HERE, 'decode-only.ts')], outfile: decodeOnly, bundle: true, platform: 'node', format: 'esm', target: 'node20', logLevel: 'warning' });
  await build({ entryPoints: [join(HERE, 'read-only.ts')], outfile: readOnly, bundle: true, platform: 'node', format: 'esm', target: 'node20', logLevel: 'warning' });
  const ctx: BenchContext = { file, node: process.execPath, cli, decodeOnly, readOnly, rssHook: join(HERE, 'rss-hook.mjs'), has };
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
      results.push({ name: row.name, label: row.label, seconds: NaN, cpu: NaN, rss: 0, status: null, skipped: true, stderr: '' });
      continue;
    }
    let best: Timing | null = null;
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
  lines.push(`${'command'.padEnd(46)} ${'wall s'.padStart(8)} ${'cpu s'.padStart(7)} ${'packets/s'.padStart(12)} ${'MB/s'.padStart(8)} ${'vs --layers'.padStart(12)} ${'peak RSS'.padStart(10)}`);
  for (const r of results) {
    if (r.skipped) { lines.push(`${r.label.padEnd(46)} (skipped: tool not installed)`); continue; }
    const pps = packets / r.seconds;
    const mbs = size / 1e6 / r.seconds;
    const ratio = layers && !layers.skipped ? `${(r.seconds / layers.seconds).toFixed(2)}x` : '-';
    const fail = r.status !== 0 ? `  (exit ${r.status}: ${r.stderr.trim().split('\n')[0]})` : '';
    lines.push(`${r.label.padEnd(46)} ${r.seconds.toFixed(3).padStart(8)} ${(Number.isNaN(r.cpu) ? '-' : r.cpu.toFixed(2)).padStart(7)} ${fmt(pps).padStart(12)} ${fmt(mbs).padStart(8)} ${ratio.padStart(12)} ${(r.rss ? `${(r.rss / 1048576).toFixed(0)} MB` : '-').padStart(10)}${fail}`);
  }
  const get = (n: string): Result | undefined => results.find((r) => r.name === n && !r.skipped);
  const cat = get('cat'); const dec = get('decode'); const rd = get('read'); const td = get('tcpdump'); const ts = get('tshark');
  lines.push('');
  lines.push(`load average at the end: ${readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')} (wall times on a busy machine are inflated; cpu s is user + sys)`);
  lines.push('targets (wall time; cpu-time ratio in brackets):');
  const cpuRatio = (a?: Result, b?: Result): string => (a && b && !Number.isNaN(a.cpu) && !Number.isNaN(b.cpu) ? ` [cpu ${(a.cpu / b.cpu).toFixed(2)}x]` : '');
  const check = (ok: boolean, text: string): void => { lines.push(`  [${ok ? 'ok' : 'MISSED'}] ${text}`); };
  if (cat && dec) check(dec.seconds <= 2 * cat.seconds, `decode-only at least half of cat's bandwidth: ${(size / 1e6 / dec.seconds).toFixed(0)} vs ${(size / 1e6 / cat.seconds).toFixed(0)} MB/s (${((cat.seconds / dec.seconds) * 100).toFixed(0)}%)${cpuRatio(cat, dec)}`);
  if (rd && dec && !Number.isNaN(rd.cpu)) lines.push(`  (the reader alone takes ${rd.cpu.toFixed(2)} cpu s of decode-only's ${dec.cpu.toFixed(2)}: decoding adds ${(((dec.cpu - rd.cpu) / packets) * 1e9).toFixed(0)} ns/packet)`);
  if (layers && td) check(layers.seconds < td.seconds, `--layers faster than tcpdump: ${(td.seconds / layers.seconds).toFixed(2)}x${cpuRatio(td, layers)}`);
  if (layers && ts) check(ts.seconds >= 20 * layers.seconds, `--layers at least 20x faster than tshark: ${(ts.seconds / layers.seconds).toFixed(1)}x${cpuRatio(ts, layers)}`);
  for (const r of [dec, layers]) {
    if (r) check(r.rss < 200 * 1048576, `${r.name}: peak memory under 200 MB: ${(r.rss / 1048576).toFixed(0)} MB (capture ${(size / 1e9).toFixed(2)} GB; reading is streamed, so memory does not grow with the file)`);
  }
  process.stdout.write(lines.join('\n') + '\n');
}

main().catch((e: unknown) => {
  process.stderr.write(`bench: ${(e as Error).stack ?? String(e)}\n`);
  process.exitCode = 1;
});
