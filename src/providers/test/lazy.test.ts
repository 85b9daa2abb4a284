/**
 * What the providers skip when the engine says the program does not read it
 * (tid / self->, stack()): the firings and every other value stay the same —
 * cs_cid is still one per flow, the same in both directions (computed when
 * read), and TCP still tracks its connections.
 */
import { describe, expect, it } from 'vitest';
import { eth, ipv4, tcp, udp } from '../../../samples/gen/craft.ts';
import { bytesSource } from '../../capture/sources.ts';
import { openCapture } from '../../capture/open.ts';
import { FireCtx } from '../../d/runtime/context.ts';
import { ProbeRegistry, type Probe } from '../../d/types/probes.ts';
import { runCaptureLoop } from '../../engine/capture-run.ts';
import type { FiringSink } from '../../engine/providers.ts';
import type { CsInfo } from '../args.ts';
import { registerNetworkProviders } from '../probes.ts';
import { LOCAL_MAC, PEER_MAC, pcapng } from './harness.ts';

const A = '192.168.1.108', B = '192.168.1.109';

async function fire(cap: Uint8Array, names: string[], uses: boolean): Promise<{ stacks: string[][]; seen: string[] }> {
  const registry = new ProbeRegistry();
  registerNetworkProviders(registry);
  const ctx = new FireCtx();
  ctx.stackLines = ['untouched'];
  const seen: string[] = [];
  const stacks: string[][] = [];
  const sink: FiringSink & { uses(what: string): boolean } = {
    ctx, registry,
    enabled: (p: Probe) => names.includes(`${p.provider}:${p.name}`),
    fire: (p: Probe) => { stacks.push(ctx.stackLines); seen.push(`${p.provider}:${p.name} cid=${(ctx.args[1] as CsInfo).cs_cid} tid=${ctx.tid}`); },
    stopped: () => false,
    emit: () => undefined,
    uses: () => uses,
  };
  const reader = await openCapture(bytesSource(cap, 'cap'));
  await runCaptureLoop(reader, sink, { locals: [A] });
  return { stacks, seen };
}

describe('lazy per-firing values', () => {
  const s = (sp: number, dp: number, src = A, dst = B) => eth(LOCAL_MAC, PEER_MAC, ipv4({ src, dst }, udp({ sport: sp, dport: dp }, 'x')));
  const cap = pcapng([{ data: s(1000, 53), dir: 'out' }, { data: s(53, 1000, B, A), dir: 'in' }, { data: s(1001, 53), dir: 'out' }]);

  it('cs_cid is one per flow, as when tid is computed for every layer', async () => {
    const eager = await fire(cap, ['ip:send', 'ip:receive'], true);
    const lazy = await fire(cap, ['ip:send', 'ip:receive'], false);
    const cids = (r: string[]) => r.map((l) => / cid=(\d+)/.exec(l)![1]);
    expect(cids(lazy.seen)).toEqual(cids(eager.seen));
    expect(cids(lazy.seen)[0]).toBe(cids(lazy.seen)[1]);
    expect(cids(lazy.seen)[2]).not.toBe(cids(lazy.seen)[0]);
    // Eagerly, tid is the cs_cid; lazily it is not filled, and stack() is not built.
    expect(eager.seen.every((l) => l.endsWith(`tid=${/ cid=(\d+)/.exec(l)![1]}`))).toBe(true);
    expect(lazy.seen.every((l) => l.endsWith('tid=0'))).toBe(true);
    expect(lazy.stacks.every((st) => st.length === 1 && st[0] === 'untouched')).toBe(true);
    expect(eager.stacks.every((st) => st.length > 1)).toBe(true);
  });

  it('TCP still follows its connections', async () => {
    const t = (o: Parameters<typeof tcp>[0], out: boolean) => out
      ? eth(LOCAL_MAC, PEER_MAC, ipv4({ src: A, dst: B }, tcp(o)))
      : eth(PEER_MAC, LOCAL_MAC, ipv4({ src: B, dst: A }, tcp(o)));
    const c = pcapng([
      { data: t({ sport: 40000, dport: 80, flags: 'S', seq: 1 }, true), dir: 'out' },
      { data: t({ sport: 80, dport: 40000, flags: 'SA', seq: 100, ack: 2 }, false), dir: 'in' },
      { data: t({ sport: 40000, dport: 80, flags: 'A', seq: 2, ack: 101 }, true), dir: 'out' },
    ]);
    const names = ['tcp:connect-request', 'tcp:connect-established', 'tcp:send', 'tcp:receive'];
    const eager = await fire(c, names, true);
    const lazy = await fire(c, names, false);
    expect(lazy.seen.map((l) => l.replace(/ tid=\d+/, ''))).toEqual(eager.seen.map((l) => l.replace(/ tid=\d+/, '')));
    expect(lazy.seen.some((l) => l.startsWith('tcp:connect-established'))).toBe(true);
  });
});
