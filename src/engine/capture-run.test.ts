import { describe, expect, it } from 'vitest';
import { BOOT_NS } from './capture-run.ts';
import { VCLOCK_START_NS } from './run.ts';
import { eth, icmpEcho, ipv4 } from '../../samples/gen/craft.ts';
import { LOCAL_MAC, PEER_MAC, pcapng, trace } from '../providers/test/harness.ts';

const ping = (n: number) => eth(LOCAL_MAC, PEER_MAC, ipv4({ src: '10.0.0.1', dst: '10.0.0.2', id: n }, icmpEcho({ id: 1, seq: n }, 'x')));

describe('the capture loop', () => {
  it('shares the virtual boot with run.ts, so BEGIN is the capture start', () => {
    expect(BOOT_NS).toBe(VCLOCK_START_NS);
  });

  it('reports an unreadable capture once, with status 1', async () => {
    const r = await trace('ip:::send {}', [new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8])]);
    expect(r.status).toBe(1);
    expect(r.msgs.filter((m) => m.startsWith('error:'))).toHaveLength(1);
  });

  it('summarises damaged frames at the end', async () => {
    const cut = ping(1).slice(0, 30);
    const r = await trace('ip:::send {}', [pcapng([{ data: ping(0), dir: 'out' }, { data: cut, dir: 'out' }])]);
    expect(r.status).toBe(0);
    expect(r.msgs.some((m) => m.startsWith('warning: 1 of 2 frames could not be fully decoded'))).toBe(true);
  });

  it('counts every packet of a larger capture', { timeout: 120_000 }, async () => {
    const one = ping(7);
    const pkts = Array.from({ length: 20000 }, () => ({ data: one, dir: 'out' as const }));
    const r = await trace('ip:::send { n++; } END { printf("%d\\n", n); }', [pcapng(pkts)]);
    expect(r.out.trim()).toBe('20000');
  });

  it('reads nothing after an abort that came first, as at Ctrl-C: END still fires', { timeout: 120_000 }, async () => {
    const one = ping(1);
    const pkts = Array.from({ length: 8000 }, () => ({ data: one, dir: 'out' as const }));
    const ac = new AbortController();
    ac.abort();
    const r = await trace('ip:::send { n++; } END { printf("%d\\n", n); }', [pcapng(pkts)], {}, ac.signal);
    // Opening the capture is raced against the signal: no packet is read, END runs, and dtrace's
    // Ctrl-C newline comes before its output (and the one after tracing stops, after it).
    expect(r.out).toBe('\n0\n\n');
  });

  it('kernel-only providers match nothing: an error, unless -Z', async () => {
    const cap = pcapng([{ data: ping(1), dir: 'out' }]);
    const prog = 'fbt::tcp_conn_request:entry { @ = count(); } ip:::send { printf("sent\\n"); }';
    const bad = await trace(prog, [cap]);
    expect(bad.status).toBe(1);
    expect(bad.msgs.join('\n')).toMatch(/fbt::tcp_conn_request:entry does not match any probes/);
    const ok = await trace(prog, [cap], { allowZeroMatch: true });
    expect(ok.status).toBe(0);
    expect(ok.out).toContain('sent');
  });
});
