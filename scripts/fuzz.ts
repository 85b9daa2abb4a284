/**
 * npm run fuzz: the long fuzz run (issue 13).
 *
 *   1. The parser fuzz/property tests (pcap, pcapng, gzip, every link-type
 *      decoder, the D lexer, preprocessor and parser) at FUZZ_SCALE times
 *      their `npm test` case counts (default 25), with FUZZ_SEED (default: a
 *      fresh one, printed, so a failure can be replayed).
 *   2. The built CLI end to end, FUZZ_CLI_RUNS times (default 300): a
 *      mutated capture (bit flips, length fields overwritten with hostile
 *      values, truncation, gzip) under a script drawn from the seed scripts
 *      and hostile programs with mutated numbers. Each run must end within
 *      60 s, exit 0, 1 or 2 (never a signal or V8's 134), print no
 *      JavaScript error text, and peak under FUZZ_RSS_MB (default 512) of
 *      RSS (VmHWM from /proc). Failing inputs are kept in fuzz-out/.
 *
 * Usage: npm run fuzz [-- --cli-only | --unit-only]
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { captureFixtures } from '../test/fixtures/gen-capture.ts';

const seed = Number(process.env.FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31));
const scale = process.env.FUZZ_SCALE ?? '25';
const cliRuns = Number(process.env.FUZZ_CLI_RUNS ?? 300);
const rssMb = Number(process.env.FUZZ_RSS_MB ?? 512);
const args = process.argv.slice(2);
const JS_ERROR = /RangeError|TypeError|ReferenceError|SyntaxError:|Error:|at .*\.(ts|js|mjs):\d+|internal (compiler )?error|heap out of memory|node:internal/;

console.log(`fuzz: FUZZ_SEED=${seed} FUZZ_SCALE=${scale} FUZZ_CLI_RUNS=${cliRuns}`);

if (!args.includes('--cli-only')) {
  const r = spawnSync('npx', ['vitest', 'run', '--testTimeout=0',
    'src/capture/test/fuzz.test.ts', 'src/decode/test/property.test.ts', 'src/d/test/fuzz.test.ts'], {
    stdio: 'inherit', env: { ...process.env, FUZZ_SEED: String(seed), FUZZ_SCALE: scale },
  });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
if (args.includes('--unit-only')) process.exit(0);

// ---------------------------------------------------------------- the CLI

let state = seed >>> 0 || 1;
/** xorshift32: the same cases for the same seed. */
function rnd(n: number): number {
  state ^= state << 13; state >>>= 0;
  state ^= state >>> 17;
  state ^= state << 5; state >>>= 0;
  return state % n;
}
const pick = <T>(a: readonly T[]): T => a[rnd(a.length)]!;

const captures = captureFixtures().filter((f) => !f.name.endsWith('.gz')).map((f) => f.bytes);
const scripts = readdirSync('src/d/test/fixtures').filter((f) => f.endsWith('.d')).map((f) => readFileSync(join('src/d/test/fixtures', f), 'latin1'));
const HOSTILE = [
  'ip:::send,ip:::receive { @[args[2]->ip_saddr] = count(); @t[timestamp] = sum(args[2]->ip_plength); }',
  'tcp:::send,tcp:::receive { printf("%*d %.*s\\n", N, 1, N, "abc"); }',
  'profile-N { @ = count(); } ip:::receive { x = alloca(N); }',
  'ip:::receive { s = strjoin(s, lltostr(N)); @[s] = count(); normalize(@, N); }',
  'tick-Nms { n++; } ip:::send { printf("%d %u\\n", n, walltimestamp); }',
  'BEGIN { a[N] = 1; } ip:::receive /a[N]/ { trace(args[2]->ip_ver); }',
  'ip:::send { self->x[N] = timestamp; @q = quantize(N); @l = lquantize(N, 0, N, 1); }',
];
const NUMS = ['0', '1', '-1', '7', '255', '65536', '2147483647', '2000000000', '4294967295', '9223372036854775807', '18446744073709551615', '99999999999999999999'];
const LENS = [0, 1, 4, 8, 11, 12, 13, 0x7fffffff, 0xffffffff, 0x00ffffff, 16 << 20, (16 << 20) + 4];

function mutateCapture(): Uint8Array {
  const b = pick(captures).slice();
  const dv = new DataView(b.buffer);
  for (let k = rnd(4); k >= 0; k--) {
    switch (rnd(3)) {
      case 0: { const i = rnd(b.length); b[i]! ^= 1 << rnd(8); break; }
      case 1: if (b.length > 8) dv.setUint32(rnd(b.length - 4) & ~3, pick(LENS), rnd(2) === 0); break;
      default: break;
    }
  }
  const cut = rnd(4) === 0 ? b.subarray(0, rnd(b.length + 1)) : b;
  return rnd(4) === 0 ? new Uint8Array(gzipSync(cut)) : cut;
}

function program(): string {
  if (rnd(3) === 0) return pick(scripts);
  return '#pragma D option quiet\n' + pick(HOSTILE).replace(/N/g, () => pick(NUMS));
}

function runOne(cap: string, script: string, opts: string[]): Promise<{ status: number | null; signal: string | null; stderr: string; peakKb: number; timedOut: boolean }> {
  return new Promise((res) => {
    const c = spawn(process.execPath, ['bin/wiretrace.mjs', ...opts, '-r', cap, '-s', script], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '', peakKb = 0, timedOut = false;
    c.stderr.setEncoding('latin1').on('data', (d: string) => { if (stderr.length < 65536) stderr += d; });
    const poll = setInterval(() => {
      try {
        const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${c.pid}/status`, 'latin1'));
        if (m) peakKb = Math.max(peakKb, Number(m[1]));
      } catch { /* gone */ }
    }, 25);
    const guard = setTimeout(() => { timedOut = true; c.kill('SIGKILL'); }, 60_000);
    c.on('close', (status, signal) => { clearInterval(poll); clearTimeout(guard); res({ status, signal, stderr, peakKb, timedOut }); });
  });
}

spawnSync('npm', ['run', 'build:cli'], { stdio: 'ignore' });
mkdirSync('fuzz-out', { recursive: true });
let failures = 0;
let maxKb = 0;
for (let i = 0; i < cliRuns; i++) {
  const cap = join('fuzz-out', 'current.cap');
  const script = join('fuzz-out', 'current.d');
  writeFileSync(cap, mutateCapture());
  writeFileSync(script, program());
  const opts = rnd(4) === 0 ? ['-x', `strsize=${pick(NUMS)}`] : rnd(3) === 0 ? ['-x', `aggsize=${pick(['1', '64m', '1g', '64g'])}`] : [];
  const r = await runOne(cap, script, opts);
  maxKb = Math.max(maxKb, r.peakKb);
  const why = r.timedOut ? 'timed out (60 s)'
    : r.signal !== null ? `killed by ${r.signal}`
      : r.status === null || r.status > 2 ? `exit status ${r.status}`
        : JS_ERROR.test(r.stderr) ? `JavaScript error text: ${JS_ERROR.exec(r.stderr)![0]}`
          : r.peakKb > rssMb * 1024 ? `peak RSS ${r.peakKb >> 10} MB` : '';
  if (why !== '') {
    failures++;
    const dir = join('fuzz-out', `fail-${seed}-${i}`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'capture'), readFileSync(cap));
    writeFileSync(join(dir, 'script.d'), readFileSync(script));
    writeFileSync(join(dir, 'why.txt'), `${why}\noptions: ${opts.join(' ')}\n\n${r.stderr}`);
    console.log(`case ${i}: ${why} (kept in ${dir})`);
  }
  if ((i + 1) % 50 === 0) console.log(`cli: ${i + 1}/${cliRuns} runs, ${failures} failures, peak RSS so far ${maxKb >> 10} MB`);
}
console.log(`cli: ${cliRuns} runs, ${failures} failures, peak RSS ${maxKb >> 10} MB`);
process.exit(failures > 0 ? 1 : 0);
