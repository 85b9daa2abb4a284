/**
 * Every sample script (samples/manifest.json) and every book script
 * (samples/book) through the built CLI with -x ncpu=1, 2 and 4, real worker
 * threads: stdout and stderr are byte-identical to one thread's, or -v says
 * the run stayed on one worker and why, or a warning says the output may
 * differ (IP fragments: the udp_fragments sample). Programs that show `cpu` (it names
 * the worker) are compared with that leading column masked.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CAPTURES, CASES } from '../../samples/book/cases.ts';

const ROOT = new URL('../../', import.meta.url).pathname;
const BIN = `${ROOT}bin/wiretrace.mjs`;

interface Run { stdout: string; stderr: string; status: number | null }

function cli(args: string[], input?: Buffer): Promise<Run> {
  return new Promise((resolve) => {
    const p = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env: { ...process.env, TZ: 'UTC' } });
    const out: Buffer[] = [], err: Buffer[] = [];
    p.stdout.on('data', (d: Buffer) => out.push(d));
    p.stderr.on('data', (d: Buffer) => err.push(d));
    p.on('close', (status) => resolve({ stdout: Buffer.concat(out).toString('latin1'), stderr: Buffer.concat(err).toString('latin1'), status }));
    if (input) p.stdin.end(input); else p.stdin.end();
  });
}

/** The -v line about workers, and the rest of stderr. */
function split(stderr: string): { verdict: string; rest: string } {
  const lines = stderr.split('\n');
  const i = lines.findIndex((l) => /^wiretrace: (one worker|\d+ workers)/.test(l));
  if (i < 0) return { verdict: '', rest: stderr };
  let j = i + 1;
  while (j < lines.length && lines[j]!.startsWith('  ')) j++;
  return { verdict: lines.slice(i, j).join('\n'), rest: [...lines.slice(0, i), ...lines.slice(j)].join('\n') };
}

const maskCpu = (s: string): string => s.replace(/^( *)\d+/gm, '$1#');

async function compare(args: string[], input?: Buffer): Promise<void> {
  const [one, two, four] = await Promise.all([1, 2, 4].map((n) => cli(['-v', '-x', `ncpu=${n}`, ...args], input)));
  const base = split(one!.stderr);
  expect(base.verdict).toMatch(/^wiretrace: one worker/);
  for (const [n, r] of [[2, two!], [4, four!]] as const) {
    const v = split(r.stderr);
    expect(v.verdict, `ncpu=${n}: -v says how the run was spread`).toMatch(new RegExp(`^wiretrace: (one worker|${n} workers)`));
    expect(r.status, `ncpu=${n} status`).toBe(one!.status);
    // A run the workers could not keep identical says so (IP fragments, bounded tables): its stderr
    // is one thread's plus that warning, and its stdout is not compared.
    const warned = /^wiretrace: .*: output may differ from -x ncpu=1\n/m;
    if (warned.test(v.rest)) {
      expect(base.rest).not.toMatch(warned);
      expect(v.rest.replace(warned, ''), `ncpu=${n} stderr`).toBe(base.rest);
      continue;
    }
    expect(v.rest, `ncpu=${n} stderr`).toBe(base.rest);
    if (/cpu is the worker that fired/.test(v.verdict)) expect(maskCpu(r.stdout), `ncpu=${n} stdout (cpu masked)`).toBe(maskCpu(one!.stdout));
    else expect(r.stdout, `ncpu=${n} stdout`).toBe(one!.stdout);
  }
}

interface Example { id: string; script: string; capture: string; options: string[]; args: string[] }
const manifest = JSON.parse(readFileSync(`${ROOT}samples/manifest.json`, 'utf8')) as { examples: Example[] };

describe('sample scripts: -x ncpu=1, 2, 4 print the same bytes (or say why they stay on one worker)', () => {
  it('the CLI and its worker are built', () => {
    expect(readFileSync(`${ROOT}dist/cli/shard.mjs`).length, 'run `npm run build:cli` first').toBeGreaterThan(0);
  });
  for (const e of manifest.examples) {
    it(`${e.id}: ${e.script.split('/').pop()} on ${e.capture.split('/').pop()}`, async () => {
      await compare([...e.options, '-s', e.script, '-r', e.capture, ...e.args]);
    }, 120_000);
  }
});

describe('book scripts: -x ncpu=1, 2, 4 print the same bytes (or say why they stay on one worker)', () => {
  for (const [script, caps] of Object.entries(CASES)) {
    for (const capture of caps) {
      it(`${script} × ${capture}`, async () => {
        await compare(['-s', `samples/book/${script}`, '-r', CAPTURES[capture]!]);
      }, 120_000);
    }
  }
});

describe('inputs and options through the workers', () => {
  const mixed = 'samples/captures/demo-mixed.pcapng';
  it('several captures merged by time', async () => {
    await compare(['-q', '-n', 'ip:::send, ip:::receive { printf("%d %s\\n", timestamp, args[2]->ip_saddr); @[args[3]->if_name] = sum(args[2]->ip_plength); }',
      '-r', mixed, '-r', 'samples/captures/tcpsnoop.pcapng', '-r', 'test/fixtures/real-book/http.pcap']);
  }, 120_000);
  it('standard input (live: output as the workers finish each stretch)', async () => {
    await compare(['-q', '-n', 'tcp:::receive { printf("%d %d\\n", args[4]->tcp_sport, args[2]->ip_plength); }', '-r', '-'], readFileSync(`${ROOT}${mixed}`));
  }, 120_000);
  it('a gzip-compressed capture (records copied to the workers)', async () => {
    await compare(['-n', 'ip:::receive { @[args[2]->ip_saddr] = count(); }', '-r', 'test/fixtures/captures/capture-pcap-gzip.pcap.gz']);
  }, 120_000);
  it('-C with an include, macro arguments, and ticks that print the merged aggregations', async () => {
    await compare(['-C', '-I', 'test/parallel', '-D', 'PORT=53', '-q', '-s', 'test/parallel/ticks.d', '-r', mixed, '5']);
  }, 120_000);
});
