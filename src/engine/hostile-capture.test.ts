/**
 * Hostile captures through the engine (issue 13): tick storms over idle gaps
 * are bounded and said, packet times beyond 2^53 ns stay exact 64-bit
 * integers, a pipe gives the same answer as a file, and an interrupt ends a
 * run that waits on a pipe that never writes (END still fires).
 */
import { describe, expect, it } from 'vitest';
import { run } from './run.ts';
import type { ByteSource } from '../capture/types.ts';
import { bytesSource } from '../capture/sources.ts';
import { PcapngWriter, PcapWriter } from '../capture/write.ts';
import { frame } from '../../test/fixtures/gen-capture.ts';
import { idleGapPcap } from '../../test/fixtures/gen-bombs.ts';
import { BOOT_NS } from './capture-clock.ts';
import { TickSchedule } from './ticks.ts';
import type { Probe } from '../d/types/probes.ts';

interface Out { out: string; msgs: string[]; status: number }

async function go(program: string, captures: ByteSource[], signal?: AbortSignal): Promise<Out> {
  let out = '';
  const msgs: string[] = [];
  const status = await run({
    programs: [{ name: 'test.d', text: program, kind: 'file' }],
    captures, options: { quiet: true }, signal,
    onEvent: (e) => { if (e.kind === 'text') out += e.text; else if (e.kind === 'message') msgs.push(`${e.level}: ${e.text}`); },
  }, { wallStartNs: 0n });
  return { out, msgs, status };
}

/** `bytes` as a pipe: unknown size, small chunks, each after a macrotask. */
function pipeOf(bytes: Uint8Array, chunk: number, name = 'stdin'): ByteSource {
  let o = 0;
  return {
    name, size: undefined,
    read: () => new Promise((res) => setTimeout(() => {
      if (o >= bytes.length) { res(null); return; }
      const c = bytes.slice(o, o + chunk);
      o += chunk;
      res(c);
    }, 0)),
    close: () => Promise.resolve(),
  };
}

const U64 = 2n ** 64n;

describe('tick storms over idle gaps', () => {
  it('two packets 2^31 s apart fire one hour of ticks per gap, then jump, and say so once', async () => {
    const r = await go('tick-1sec { n++; } END { printf("%d\\n", n); }', [bytesSource(idleGapPcap(2))]);
    expect(r.out).toBe('7200\n\n');
    expect(r.msgs).toEqual([expect.stringMatching(/^warning: tick and profile probes skipped \d+ firings in 2 idle gaps longer than 1 hour of capture time \(the first ending at frame 2\)$/)]);
  });

  it('ticks keep their phase after a jump (multiples of N from the capture start)', async () => {
    const w = new PcapWriter(1);
    w.packet(0, 0, frame({ n: 1 }));
    w.packet(100_000, 500_000, frame({ n: 2 })); // 100000.5 s: a gap of more than an hour
    w.packet(100_003, 0, frame({ n: 3 }));
    const r = await go('tick-1sec { printf("%d\\n", (timestamp - ' + BOOT_NS + ') / 1000000); }', [bytesSource(w.take())]);
    const ms = r.out.trim().split('\n').map(Number);
    expect(ms.slice(0, 3)).toEqual([1000, 2000, 3000]);
    expect(ms.slice(-3)).toEqual([100_001_000, 100_002_000, 100_003_000]);
  });

  it('a firing cap stops ticks for the rest of the run', () => {
    const p = { intervalNs: 1 } as unknown as Probe;
    let fired = 0;
    const t = new TickSchedule([p], () => { fired++; }, () => false, 1e12, 1000);
    while (!t.fireUntil(1e6, 0, 100, 1)) { /* batches */ }
    expect(fired).toBe(1000);
    expect(t.any).toBe(false);
    expect(t.notes()).toEqual(['tick and profile probes stopped after 1000 firings']);
  });
});

describe('64-bit time', () => {
  it('a packet 2^40 s after the first: timestamp and aggregation keys are exact uint64 values', async () => {
    const w = new PcapngWriter().shb().idb(1, 0);
    w.epb(0, 1_000_000n, frame({ n: 1 }));
    w.epb(0, (2n ** 40n + 1n) * 1_000_000n, frame({ n: 2 }));
    const r = await go('ip:::send,ip:::receive { printf("%u %u\\n", timestamp, walltimestamp); @[timestamp] = count(); }', [bytesSource(w.take())]);
    const ts2 = (BigInt(BOOT_NS) + 2n ** 40n * 1_000_000_000n) % U64;
    const wall2 = ((2n ** 40n + 1n) * 1_000_000_000n) % U64;
    const lines = r.out.split('\n');
    expect(lines[0]).toBe(`${BOOT_NS} 1000000000`);
    expect(lines[1]).toBe(`${ts2} ${wall2}`);
    expect(r.out).not.toMatch(/e\+/);
    // dtrace prints 64-bit keys with %lld (dt_print_datum): the uint64 value read as signed.
    expect(r.out).toMatch(new RegExp(`\\s${BigInt.asIntN(64, ts2)}\\s+1\\n`));
  });
});

describe('a pipe is a file', () => {
  it('the inferred local host and every count are the same from a file and from a slow pipe', async () => {
    const w = new PcapWriter(1);
    for (let i = 0; i < 1500; i++) w.packet(i, 0, frame({ n: i, reply: i % 3 === 0 }));
    const bytes = w.take();
    const prog = 'ip:::send { @["send"] = count(); } ip:::receive { @["receive"] = count(); }';
    const file = await go(prog, [bytesSource(bytes, 'f.pcap')]);
    for (const chunk of [64, 1000, 70000]) {
      const pipe = await go(prog, [pipeOf(bytes, chunk)]);
      expect(pipe.out).toBe(file.out);
      expect(pipe.msgs).toEqual(file.msgs);
    }
  });
});

describe('an interrupt while waiting on input', () => {
  it('a pipe that stays open: the run ends at the signal, END fires and aggregations print', async () => {
    const head = idleGapPcap(0);
    let reads = 0;
    const src: ByteSource = {
      name: 'stdin', size: undefined,
      read: () => (reads++ === 0 ? Promise.resolve(head) : new Promise(() => undefined)),
      close: () => Promise.resolve(),
    };
    const ac = new AbortController();
    setTimeout(() => ac.abort(), 50);
    const r = await go('ip:::send,ip:::receive { @ = count(); } END { printf("end\\n"); }', [src], ac.signal);
    expect(r.out).toMatch(/^\nend\n\n\s+1\n$/);
    expect(r.status).toBe(0);
  });

  it('a pipe that has not yet written a byte', async () => {
    const src: ByteSource = { name: 'stdin', size: undefined, read: () => new Promise(() => undefined), close: () => Promise.resolve() };
    const ac = new AbortController();
    setTimeout(() => ac.abort(), 50);
    const r = await go('BEGIN { printf("begin\\n"); } END { printf("end\\n"); }', [src], ac.signal);
    expect(r.out).toBe('begin\n\nend\n\n');
  });

  it('a tick storm is interrupted between firings', async () => {
    const ac = new AbortController();
    setTimeout(() => ac.abort(), 100);
    // 1.8e7 firings of profile-200us are due in the first hour of the gap (all of them fire if the interrupt is missed):
    // the run ends long before either, with no note about the cap.
    const r = await go('profile-200us { n++; } END { printf("%s\\n", n > 0 && n < 18000000 ? "ended" : "none"); }', [bytesSource(idleGapPcap(1))], ac.signal);
    expect(r.msgs).toEqual([]);
    expect(r.out).toBe('\nended\n\n');
  });
});
