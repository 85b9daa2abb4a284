/**
 * Test helpers: build small pcapng captures from crafted packets
 * (samples/gen/craft.ts) and run D programs over them through the real
 * engine (run.ts with the capture driver), collecting stdout text and
 * stderr messages.
 */
import '../../engine/capture-run.ts';
import { run } from '../../engine/run.ts';
import { bytesSource } from '../../capture/sources.ts';
import { PcapngWriter, type PcapngOption } from '../../capture/write.ts';
import { LINKTYPE } from '../../capture/types.ts';
import type { EngineOptions } from '../../engine/api.ts';

export const LOCAL_MAC = '00:e0:81:5e:83:08';
export const PEER_MAC = '00:14:4f:3b:76:c8';
export const T0 = 1_214_000_000_000_000_000n; // 2008-06-20, ns

export interface Pkt {
  data: Uint8Array;
  dir?: 'in' | 'out';
  /** ns since T0 (default: 1 ms apart). */
  t?: bigint;
  iface?: number;
  flags?: number;
  queue?: number;
  extra?: PcapngOption[];
  /** opt_comment(s), e.g. ptcpdump's process comments. */
  comments?: string[];
}

export interface Iface { name: string; link?: number }

export function pcapng(pkts: readonly Pkt[], ifaces: readonly Iface[] = [{ name: 'nge0' }], procs: { pid: number; name: string }[] = []): Uint8Array {
  const w = new PcapngWriter(true);
  w.shb();
  for (const i of ifaces) w.idb(i.link ?? LINKTYPE.ETHERNET, 262144, [{ code: 2, str: i.name }, { code: 9, u8: 9 }]);
  for (const p of procs) w.darwinProcessBlock(p.pid, p.name);
  pkts.forEach((p, n) => {
    let flags = p.flags ?? 0;
    if (p.dir === 'in') flags |= 1;
    if (p.dir === 'out') flags |= 2;
    w.epb(p.iface ?? 0, T0 + (p.t ?? BigInt(n + 1) * 1_000_000n), p.data, p.data.length, {
      flags: flags !== 0 ? flags : undefined, queue: p.queue, extra: p.extra, comments: p.comments,
    });
  });
  return w.take();
}

export interface Traced { out: string; msgs: string[]; status: number }

export async function trace(program: string, captures: readonly Uint8Array[], options: EngineOptions = {}, signal?: AbortSignal): Promise<Traced> {
  let out = '';
  const msgs: string[] = [];
  const status = await run({
    programs: [{ name: 'test.d', text: program, kind: 'file' }],
    captures: captures.map((c, i) => bytesSource(c, `cap${i}`)),
    options: { quiet: true, ...options },
    signal,
    onEvent: (e) => {
      if (e.kind === 'text') out += e.text;
      else if (e.kind === 'message') msgs.push(`${e.level}: ${e.text}`);
    },
  }, { wallStartNs: 0n });
  return { out, msgs, status };
}

/** Output lines without the trailing blank ones. */
export function lines(out: string): string[] {
  const l = out.split('\n');
  while (l.length > 0 && l[l.length - 1] === '') l.pop();
  return l;
}
