/**
 * ESP keys in a parallel run (issue 14): the workers decrypt with the run's
 * key files and with the keys of the capture's decryption secrets blocks,
 * from the frame after each block as one thread does, and their ESP counts
 * (decrypted, failures by reason, first frames and SPIs) merge into one
 * thread's summary. Every ESP fixture capture at once (merged by time, so the
 * tunnels' frames spread over the workers), 1, 2 and 4 in-process workers.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bytesSource } from '../../capture/sources.ts';
import { SECRETS_TYPE } from '../../capture/secrets.ts';
import { readBytes } from '../../capture/test/util.ts';
import { PcapngWriter } from '../../capture/write.ts';
import type { ByteSource } from '../../capture/types.ts';
import type { EngineOptions } from '../api.ts';
import { run } from '../run.ts';
import { enableParallel } from './index.ts';
import { inProcessHost } from './host-inprocess.ts';

enableParallel(inProcessHost(4));

const dir = new URL('../../../test/fixtures/esp/', import.meta.url);
const names = readdirSync(dir).filter((f) => f.endsWith('.pcap')).sort();
const read = (f: string): Uint8Array => readFileSync(new URL(f, dir));
const keyText = (f: string): string => readFileSync(new URL(f.replace(/\.pcap$/, '.esp_sa'), dir), 'latin1');

// Every firing prints (the inner addresses when decrypted) and aggregates: a program the plan spreads.
const SCRIPT = `#pragma D option quiet
ip:::send,ip:::receive { printf("%d %s %s -> %s %d\\n", cpu >= 0, args[3]->if_name, args[2]->ip_saddr, args[2]->ip_daddr, args[2]->ip_plength); @[args[2]->ip_saddr, args[2]->ip_daddr] = count(); }`;

async function go(captures: () => ByteSource[], opts: EngineOptions, ncpu: number): Promise<{ stdout: string; stderr: string; status: number }> {
  let stdout = '', stderr = '';
  const status = await run({
    programs: [{ name: 'esp.d', text: SCRIPT, kind: 'file' }],
    captures: captures(),
    options: { ...opts, verbose: true, quietInference: true, xopts: [['ncpu', String(ncpu)]] },
    onEvent: (e) => { if (e.kind === 'text') stdout += e.text; else if (e.kind === 'message') stderr += `${e.text}\n`; },
  });
  return { stdout, stderr, status };
}

/** The same bytes with 1, 2 and 4 workers (the -v line naming the worker count aside); returns one thread's. */
async function same(captures: () => ByteSource[], opts: EngineOptions): Promise<{ stdout: string; stderr: string }> {
  const workersLine = /^(one worker|\d+ workers) \([^\n]*\n/m;
  const one = await go(captures, opts, 1);
  for (const n of [2, 4]) {
    const many = await go(captures, opts, n);
    expect(many.stderr, `ncpu=${n}`).toMatch(new RegExp(`^${n} workers `, 'm'));
    expect(many.stdout, `ncpu=${n}`).toBe(one.stdout);
    expect(many.stderr.replace(workersLine, ''), `ncpu=${n}`).toBe(one.stderr.replace(workersLine, ''));
    expect(many.status).toBe(one.status);
  }
  return { stdout: one.stdout, stderr: one.stderr.replace(workersLine, '') };
}

describe('ESP keys reach the workers', () => {
  it('key files: every fixture tunnel decrypted as one thread decrypts it, failures counted alike', async () => {
    const caps = (): ByteSource[] => names.map((f) => bytesSource(read(f), f, 4096));
    const espSa = names.map((f) => ({ name: f.replace(/\.pcap$/, '.esp_sa'), text: keyText(f) }));
    const withKeys = await same(caps, { espSa });
    const without = await same(caps, {});
    // Decrypted: more IP layers fire (the inner ones), and the bad-ICV/cut fixtures' failures are summarised.
    expect(withKeys.stdout.split('\n').length).toBeGreaterThan(without.stdout.split('\n').length);
    expect(withKeys.stderr).toMatch(/^ESP: \d+ of \d+ packets decrypted; \d+ could not be:$/m);
    expect(withKeys.stderr).toMatch(/ICV mismatch/);
  });

  it('a secrets block in the capture: the frames after it are decrypted, those before are not, on every worker count', async () => {
    // One fixture's frames as pcapng, its keys in a decryption secrets block halfway through.
    const f = 'esp-aes-gcm16-tunnel.pcap';
    const { reader, recs } = await readBytes(read(f));
    expect(recs.length).toBeGreaterThan(3);
    const w = new PcapngWriter();
    w.shb().idb(reader.interfaces[0]!.linkType);
    const half = recs.length >> 1;
    recs.forEach((r, i) => {
      if (i === half) w.dsb(SECRETS_TYPE.ESP, new TextEncoder().encode(keyText(f)));
      w.epb(0, BigInt(r.tsSec) * 1_000_000n + BigInt(Math.floor(r.tsNsec / 1000)), new Uint8Array(r.data), r.origLen);
    });
    const bytes = w.take();
    // An explicit local host: no prescan, whose read-ahead would put the block's keys before every frame (as in one thread).
    const out = await same(() => [bytesSource(bytes, 'dsb.pcapng', 512)], { locals: ['192.0.2.1'] });
    const lines = out.stdout.split('\n').filter((l) => l.startsWith('1 '));
    // Before the block each frame fires once (the outer layer); after it, the inner layer fires too.
    expect(lines.length).toBeGreaterThan(recs.length);
    expect(lines.length).toBeLessThan(2 * recs.length);
  });
});
