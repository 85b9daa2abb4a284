/**
 * Parallel runs through the engine with in-process shards (the same
 * messages as real workers, deterministic): every sample script over every
 * sample capture prints the same bytes on stdout and stderr with 1, 2, 3
 * and 4 workers, and the same exit status; ticks, exit() in a tick, Stop,
 * ERROR firings and the non-quiet header come out as one thread's.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { run } from '../run.ts';
import { bytesSource } from '../../capture/sources.ts';
import type { EngineEvent } from '../events.ts';
import type { EngineOptions } from '../api.ts';
import { enableParallel } from './index.ts';
import { fileSource } from '../../capture/sources.node.ts';
import { fileURLToPath } from 'node:url';
import { inProcessHost } from './host-inprocess.ts';

enableParallel(inProcessHost(2));

const root = new URL('../../../', import.meta.url);
const read = (p: string): Uint8Array => readFileSync(new URL(p, root));

interface Out { stdout: string; stderr: string; status: number; events: EngineEvent[] }

async function go(text: string, captures: string[], opts: EngineOptions, ncpu: number, abortAfter?: number): Promise<Out> {
  let stdout = '', stderr = '';
  const events: EngineEvent[] = [];
  const ac = new AbortController();
  const status = await run({
    programs: [{ name: 'x.d', text, kind: 'file' }],
    captures: captures.map((c) => bytesSource(read(c), c, 4096)),
    options: { ...opts, xopts: [...(opts.xopts ?? []), ['ncpu', String(ncpu)]], quietInference: true },
    signal: ac.signal,
    onEvent: (e) => {
      events.push(e);
      if (e.kind === 'text') stdout += e.text;
      else if (e.kind === 'message') stderr += `${e.text}\n`;
      if (abortAfter !== undefined && e.kind === 'text' && stdout.length > abortAfter) ac.abort();
    },
  });
  return { stdout, stderr, status, events };
}

interface Example { script: string; capture: string; options: string[]; args: string[]; keys?: string }
const manifest = JSON.parse(readFileSync(new URL('samples/manifest.json', root), 'utf8')) as { examples: Example[] };

describe('every sample script and capture: the same bytes with 1 to 4 workers', () => {
  for (const e of manifest.examples) {
    it(`${e.script.split('/').pop()} on ${e.capture.split('/').pop()}`, async () => {
      const text = readFileSync(new URL(e.script, root), 'latin1');
      const opts: EngineOptions = { quiet: e.options.includes('-q'), macroArgs: e.args };
      if (e.keys !== undefined) opts.espSa = [{ name: e.keys, text: readFileSync(new URL(e.keys, root), 'latin1') }];
      const one = await go(text, [e.capture], opts, 1);
      for (const n of [2, 3, 4]) {
        const many = await go(text, [e.capture], opts, n);
        expect(many.status).toBe(one.status);
        // IP fragments (the udp_fragments sample): the workers say their output may differ (driver.ts).
        const warned = /^[^\n]*output may differ from -x ncpu=1\n/m;
        if (warned.test(many.stderr)) {
          expect(many.stderr.replace(warned, ''), `ncpu=${n}`).toBe(one.stderr);
          continue;
        }
        expect(many.stdout, `ncpu=${n}`).toBe(one.stdout);
        expect(many.stderr, `ncpu=${n}`).toBe(one.stderr);
      }
    });
  }
});

const MIXED = 'samples/captures/demo-mixed.pcapng';

describe('what a parallel run must get right', () => {
  const same = async (text: string, opts: EngineOptions = {}, captures = [MIXED]): Promise<Out> => {
    const one = await go(text, captures, opts, 1);
    for (const n of [2, 4]) {
      const many = await go(text, captures, opts, n);
      expect(many.stdout, `ncpu=${n}`).toBe(one.stdout);
      expect(many.stderr, `ncpu=${n}`).toBe(one.stderr);
      expect(many.status).toBe(one.status);
    }
    return one;
  };
  it('aggregations of every kind, printed at END', async () => {
    const o = await same(`
      ip:::send, ip:::receive { @c[probename, args[2]->ip_saddr] = count(); @s[args[3]->if_name] = sum(args[2]->ip_plength);
        @a = avg(args[2]->ip_plength); @sd[args[2]->ip_ver] = stddev(args[2]->ip_plength); @mn = min(args[2]->ip_plength);
        @mx = max(args[2]->ip_plength); @q[args[2]->ip_ver] = quantize(args[2]->ip_plength);
        @lq = lquantize(args[2]->ip_plength, 0, 1500, 100); @llq = llquantize(args[2]->ip_plength, 10, 0, 4, 10); }
      tcp:::send, tcp:::receive { @t[args[3]->tcps_state] = count(); }`);
    expect(o.stdout.length).toBeGreaterThan(1000);
  });
  it('per-frame printf with thread-locals, in capture order', async () => {
    const o = await same(`#pragma D option quiet
      tcp:::send, tcp:::receive { self->n++; printf("%d %s %d %s\\n", timestamp, probename, self->n, tcp_state_string[args[3]->tcps_state]); }`);
    expect(o.stdout.split('\n').length).toBeGreaterThan(100);
  });
  it('BEGIN variables reach the workers; END sees the last frame\'s clock', async () => {
    await same(`#pragma D option quiet
      BEGIN { limit = 500; names[4] = "v4"; names[6] = "v6"; start = timestamp; }
      ip:::send /args[2]->ip_plength > limit/ { @[names[args[2]->ip_ver]] = count(); }
      END { printf("%d %d\\n", timestamp - start, walltimestamp); }`);
  });
  it('ticks print and clear the merged aggregations in place', async () => {
    const o = await same(`#pragma D option quiet
      ip:::receive { @[args[2]->ip_saddr] = count(); printf("."); }
      tick-5sec { printf("\\n%Y\\n", walltimestamp); printa("%-20s %@d\\n", @); clear(@); }
      tick-7sec { trunc(@, 2); }`);
    expect(o.stdout).toMatch(/\d{4} \w{3} +\d+/);
  });
  it('exit() in a tick stops at that moment of capture time', async () => {
    await same(`#pragma D option quiet
      ip:::send { @ = count(); printf("%d\\n", args[2]->ip_plength); } tick-12sec { printa(@); exit(3); }`);
  });
  it('exit() in BEGIN sends no frame', async () => {
    const o = await same('#pragma D option quiet\nBEGIN { exit(0); } ip:::send { @ = count(); }');
    expect(o.stdout).toBe('\n');
  });
  it('runtime errors and ERROR firings come out in order', async () => {
    const o = await same(`#pragma D option quiet
      ip:::send /args[2]->ip_plength > 1000/ { printf("%d\\n", *(int *)0); }
      ERROR { @e = count(); printf("error %d\\n", arg4); }`);
    expect(o.stderr).toMatch(/invalid address/);
  });
  it('non-quiet firing lines: one header, lines in order; the CPU column names the worker', async () => {
    const text = 'udp:::send { trace(args[4]->udp_dport); } ERROR { trace(arg4); } ip:::send /args[2]->ip_plength > 1400/ { trace(*(int *)0); }';
    const one = await go(text, [MIXED], {}, 1);
    const cpuCol = (s: string): string => s.replace(/^ +\d+ +(\d+ +\S*:\S+)/gm, '  C $1');
    for (const n of [2, 4]) {
      const many = await go(text, [MIXED], {}, n);
      expect(many.stdout.match(/CPU +ID/g)?.length ?? 0).toBe(1);
      expect(cpuCol(many.stdout)).toBe(cpuCol(one.stdout));
      expect(many.stderr).toBe(one.stderr);
      expect(new Set([...many.stdout.matchAll(/^ +(\d+) +\d+ /gm)].map((m) => m[1])).size).toBeGreaterThan(1);
    }
  });
  it('several captures merged by time', async () => {
    await same('#pragma D option quiet\nip:::send, ip:::receive { printf("%d %s\\n", timestamp, args[2]->ip_daddr); @[args[3]->if_name] = count(); }', {},
      ['samples/captures/proto2-tcp4-in.pcapng', 'samples/captures/proto2-tcp4-out.pcapng', MIXED]);
  });
  it('shared chunks (files read into buffers the shards share): small chunks, records across chunk edges', async () => {
    const text = '#pragma D option quiet\nip:::send, ip:::receive { printf("%d %s %d\\n", timestamp, args[2]->ip_saddr, args[2]->ip_plength); @[args[3]->if_name] = count(); }';
    const outs: string[] = [];
    for (const n of [1, 2, 3]) {
      let stdout = '';
      const file = await fileSource(fileURLToPath(new URL(MIXED, root)), 4096, 2);
      let lent = false;
      const src = { ...file, read: () => file.read(), close: () => file.close(), lendChunks: (a: Parameters<NonNullable<typeof file.lendChunks>>[0]) => (lent = file.lendChunks!(a)) };
      const status = await run({
        programs: [{ name: 'x.d', text, kind: 'file' }], captures: [src],
        options: { xopts: [['ncpu', String(n)]], quietInference: true },
        onEvent: (e) => { if (e.kind === 'text') stdout += e.text; },
      });
      expect(status).toBe(0);
      expect(lent).toBe(n > 1);
      outs.push(stdout);
    }
    expect(outs[1]).toBe(outs[0]);
    expect(outs[2]).toBe(outs[0]);
    expect(outs[0]!.split('\n').length).toBeGreaterThan(3000);
  });
  it('damaged captures: the same warnings and summary', async () => {
    await same('ip:::receive { @[args[2]->ip_saddr] = count(); }', {}, ['test/fixtures/captures/capture-pcap-snaplen.pcap']);
  });
  it('programs that cannot be spread run on one thread and say why under -v', async () => {
    const o = await go('BEGIN { n = 0; } ip:::send { n++; }', [MIXED], { verbose: true }, 2);
    expect(o.stderr).toMatch(/one worker: the program cannot be spread|one worker: cannot be spread/);
    expect(o.stderr).toMatch(/x\.d:1: the global n is written by a packet clause/);
    const p = await go('ip:::send { @ = count(); }', [MIXED], { verbose: true }, 2);
    expect(p.stderr).toMatch(/(^|\n)2 workers \(-x ncpu=2\): frames spread by their address pair\n/);
  });
  it('cpu names the worker', async () => {
    const o = await go('#pragma D option quiet\nip:::send, ip:::receive { @[cpu] = count(); } END { printa("%d %@d\\n", @); }', [MIXED], {}, 3);
    const rows = o.stdout.trim().split('\n').map((l) => l.split(' ').map(Number));
    expect(rows.map((r) => r[0]).sort()).toEqual([0, 1, 2]);
    const total = (await go('#pragma D option quiet\nip:::send, ip:::receive { @ = count(); } END { printa("%@d\\n", @); }', [MIXED], {}, 1)).stdout.trim();
    expect(rows.reduce((s, r) => s + r[1]!, 0)).toBe(Number(total));
  });
  it('Stop ends as Ctrl-C does: END fires with what was merged', async () => {
    const text = '#pragma D option quiet\nip:::send, ip:::receive { printf("%d\\n", timestamp); @ = count(); } END { printa("total %@d\\n", @); }';
    for (const n of [1, 2, 3]) {
      let stdout = '';
      const ac = new AbortController();
      // Stop once the first firing's output arrives: the packets read by then are counted, the rest are not.
      const status = await run({
        programs: [{ name: 'x.d', text, kind: 'file' }], captures: [MIXED, MIXED, MIXED].map((c) => bytesSource(read(c), c, 1 << 16)),
        options: { xopts: [['ncpu', String(n)]], quietInference: true }, signal: ac.signal,
        onEvent: (e) => { if (e.kind === 'text') { stdout += e.text; if (!ac.signal.aborted) ac.abort(); } },
      });
      expect(status).toBe(0);
      // dtrace prints a blank line when interrupted, before END's output.
      const lines = stdout.trim().split('\n').filter((l) => l !== '');
      const total = Number(/^total (\d+)$/.exec(lines[lines.length - 1]!)![1]);
      expect(total).toBe(lines.length - 1);
      expect(total).toBeGreaterThan(0);
      // In-memory sources may be read to the end before the stop lands; what matters is END over what was merged.
      expect(total).toBeLessThanOrEqual(3 * 3101);
    }
  });
});
