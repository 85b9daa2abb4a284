/**
 * The per-firing context: everything a clause may read about the firing
 * (built-in variables, arguments, the packet's bytes). One FireCtx object is
 * allocated per run and refilled in place by whoever fires a probe (the
 * virtual clock, or a provider driving firings from packets), so a firing
 * costs no allocation.
 *
 * Providers fill:
 *  - `probe` (from the registry) — the engine sets it before running clauses;
 *  - `arg[0..9]` raw integer values, `args[N]` typed values: integers for
 *    integer-typed args, a reused JS object per translated struct argument
 *    (property names = member names), or `null` for a NULL pointer;
 *  - time: `tsNs` (number when ≤ 2^53−1, else bigint), `wallDeltaNs` (bigint:
 *    or number), `cpu`, `pid`, `tid`, `execname`, …;
 *  - memory: `mem` (the reader's chunk holding the packet, shared by every
 *    packet in it: no per-packet view), the packet at mem[memStart, memStart
 *    + memLen), `memBase` (the packet's first byte as raw header pointers see
 *    it) and `memView` (one DataView over exactly `mem`, so offsets agree).
 */
import type { DInt } from './int64.ts';
import type { Probe } from '../types/probes.ts';

/** Where packet bytes start in the D address space: raw header pointers are memBase + offset. */
export const PACKET_BASE = 0x7f0000000000;

/**
 * What `curpsinfo->` reads (illumos psinfo_t, translated): the firing's
 * process as far as the capture says (README "Who and where"), else zeros
 * and empty strings. Providers refill it in place.
 */
export class PsInfo {
  pr_nlwp = 0;
  pr_pid = 0;
  pr_ppid = 0;
  pr_pgid = 0;
  pr_sid = 0;
  pr_uid = 0;
  pr_euid = 0;
  pr_gid = 0;
  pr_egid = 0;
  pr_addr = 0;
  /** Byte strings (D strings are bytes), bounded as illumos bounds them: PRFNSZ 16, PRARGSZ 80. */
  pr_fname = '';
  pr_psargs = '';
  pr_argc = 0;
  pr_dmodel = 0;
  pr_taskid = 0;
  pr_projid = 0;
  pr_poolid = 0;
  pr_zoneid = 0;
  pr_contract = 0;

  clear(): void {
    this.pr_pid = 0; this.pr_ppid = 0; this.pr_uid = 0; this.pr_euid = 0; this.pr_gid = 0; this.pr_egid = 0;
    this.pr_fname = ''; this.pr_psargs = ''; this.pr_argc = 0;
  }
}

export class FireCtx {
  probe!: Probe;
  /** Enabled-probe ID of the clause running (set by the engine per clause). */
  epid = 0;
  readonly arg: DInt[] = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
  readonly args: unknown[] = [];
  tsNs: DInt = 0;
  /** walltimestamp = tsNs + wallDeltaNs, computed only when a clause reads it. */
  wallDeltaNs = 0n;
  /** When set (runs without captures), walltimestamp reads this clock instead. */
  wallNow: (() => bigint) | null = null;
  vtsNs: DInt = 0;
  cpu = 0;
  pid = 0;
  ppid = 0;
  tid = 0;
  uid = 0;
  gid = 0;
  errno = 0;
  execname = '';
  zonename = 'global';
  /** curpsinfo (one object, refilled per frame). */
  readonly psinfo = new PsInfo();
  /** 1-based frame number of the packet being processed (0 without packets). */
  frame = 0;
  mem: Uint8Array | null = null;
  memView: DataView | null = null;
  memStart = 0;
  memLen = 0;
  memBase = PACKET_BASE;
  /** stack(): the frame's layer path, innermost first (providers fill it). */
  stackLines: string[] = [];
}

/** A firing with no packet (BEGIN, END, ticks): no process. */
export function clearProcess(c: FireCtx): void {
  c.ppid = 0;
  c.uid = 0;
  c.gid = 0;
  c.zonename = 'global';
  c.psinfo.clear();
}
