/**
 * The packet loop: captures → records (merged by time) → decode → providers
 * → clause firings. Registered with the engine as its capture driver and
 * provider module (src/engine/providers.ts); run.ts fires BEGIN before and
 * END after `run()`.
 *
 * Passes:
 *   1. open every source and merge the readers by packet time;
 *   2. prescan (only when the local host must be inferred: no --local and
 *      some frame without a stated direction): up to PRESCAN frames — for
 *      live input only those already buffered — are decoded, observed and
 *      copied; the local host is decided and reported in one info message;
 *      the copies are then replayed through step 3;
 *   3. per record: timers due before it fire first (profile/tick on the
 *      capture's clock, at multiples of N from the capture's start, and the
 *      timeouts of datagrams being reassembled, in time order), then the
 *      frame is decoded and the network providers fire its probes;
 *      a frame carrying a fragment the host sends starts a hold: records are
 *      copied and fed to the providers' send-ahead (providers/send-ahead.ts)
 *      until every sent datagram begun is whole (or the bounds of
 *      reassembly are reached), then replayed in order, so that tcp/udp:::send
 *      fires with the whole datagram before its first fragment's ip:::send;
 *   4. at the end: held records are replayed; the reader's warnings, the
 *      decoder's summary of damaged frames and reassembly's, as warning
 *      messages.
 *
 * Clock: `timestamp` = BOOT_NS + (packet time − capture start), the same
 * virtual boot run.ts uses (VCLOCK_START_NS), so BEGIN (fired at BOOT_NS) is
 * the capture's start and timestamps stay exact integers below 2^53 for
 * captures up to about 100 days; walltimestamp is the packet's true time
 * (ctx.wallDeltaNs = start − BOOT_NS).
 *
 * Invariants: the per-record path allocates nothing (records and frames are
 * reused views; the providers fill reused argument objects); exit() is
 * checked after every frame; the AbortSignal every CHECK_EVERY records; every
 * PROGRESS_EVERY records a progress event goes out and the loop yields one
 * macrotask so an abort can arrive.
 */
import type { ByteSource, CaptureReader, PacketRecord } from '../capture/types.ts';
import { CaptureError } from '../capture/types.ts';
import { openCapture } from '../capture/open.ts';
import { mergeReaders } from '../capture/merge.ts';
import { Decoder } from '../decode/index.ts';
import type { Probe, ProbeRegistry } from '../d/types/probes.ts';
import { registerNetworkProviders, type NetProbes } from '../providers/probes.ts';
import { NetProviders, type NetUses } from '../providers/net.ts';
import { clearProcess } from '../d/runtime/context.ts';
import type { SentNote } from '../providers/send-ahead.ts';
import { LINUX_LIMITS } from '../decode/index.ts';
import { DirectionResolver, LocalInference } from '../providers/direction.ts';
import { LocalSet } from '../providers/locals.ts';
import type { EngineOptions } from './api.ts';
import { EspKeys, type KeyText } from './esp-keys.ts';
import { addProviderModule, setCaptureDriver, type CaptureDriver, type FiringSink } from './providers.ts';

/** The virtual boot offset: equal to run.ts's VCLOCK_START_NS (a test checks). */
export const BOOT_NS = 1_000_000_000_000;
/** Frames examined before deciding the local host (when it must be inferred). */
export const PRESCAN = 1000;
const CHECK_EVERY = 4096;
const NO_STACK: string[] = [];
const PROGRESS_EVERY = 1 << 16;

export interface CaptureRunOptions {
  locals?: readonly string[];
  /** Report the inferred local host on stderr (default true). */
  reportInference?: boolean;
  /** Live input (stdin): the prescan takes only what is already buffered. */
  live?: boolean;
  totalBytes?: number;
  signal?: AbortSignal;
  /** Fires BEGIN, once the capture's start (and so walltimestamp) is known. */
  begin?: () => void;
  /** ESP keys (key files); the capture's own decryption secrets blocks are added as they are read. */
  espSa?: readonly KeyText[];
}

/** A sink that batches its text (the engine's Session): live input flushes it before waiting for input. */
interface TextBatching { flushText(): void }

export interface CaptureRunResult {
  packets: number;
  firings: number;
  reason: 'end' | 'exit' | 'abort' | 'error';
}

/**
 * Optional reader extension: when the capture started (pcapng isb_starttime
 * seen before the first packet). Read tolerantly: readers without it make
 * BEGIN coincide with the first packet.
 */
interface CaptureStartInfo { readonly captureStart?: { sec: number; nsec: number } | null }

/** Counts firings for progress without touching the engine. */
class CountingSink {
  firings = 0;
  constructor(private readonly s: FiringSink) {}
  get ctx(): FiringSink['ctx'] { return this.s.ctx; }
  enabled(p: Probe): boolean { return this.s.enabled(p); }
  fire(p: Probe): void { this.firings++; this.s.fire(p); }
}

/** One macrotask turn (setImmediate where it exists: setTimeout(0) is clamped to 1-4 ms). */
function yieldTask(): Promise<void> {
  const si = (globalThis as { setImmediate?: (f: () => void) => void }).setImmediate;
  return new Promise((res) => { if (si) si(res); else setTimeout(res, 0); });
}

/** Bound on the records held for the send-ahead: reassembly's own (ipfrag_high_thresh), counting each record's bytes + 64. */
const HOLD_MAX_BYTES = LINUX_LIMITS.highBytes;

/** A record held back by the send-ahead; `opener` was already counted and its ticks fired. */
interface Held { rec: PacketRecord; note: SentNote | null; opener: boolean }

/** A record copied out of the reader's chunk (prescan, send-ahead). */
function copyRecord(r: PacketRecord): PacketRecord {
  return { ...r, buf: r.buf.slice(r.off, r.off + r.capLen), off: 0 };
}

/**
 * Optional engine hint: whether the compiled program reads a per-firing
 * value the providers would otherwise compute for every layer (`tid` covers
 * tid and self->; `stack` covers stack() and stackdepth). Without it,
 * everything is computed.
 */
interface UsageHint { uses?(what: 'tid' | 'stack'): boolean }

function usesOf(sink: FiringSink): NetUses {
  const h = sink as FiringSink & UsageHint;
  if (typeof h.uses !== 'function') return { tid: true, stack: true };
  return { tid: h.uses('tid'), stack: h.uses('stack') };
}

function probesOf(reg: ProbeRegistry): NetProbes {
  return registerNetworkProviders(reg);
}

/**
 * Runs one merged capture through the providers. The caller has fired BEGIN
 * and fires END afterwards.
 */
export async function runCaptureLoop(reader: CaptureReader, sink: FiringSink, opts: CaptureRunOptions = {}): Promise<CaptureRunResult> {
  const counting = new CountingSink(sink);
  const ctx = sink.ctx;
  const net = new NetProviders(probesOf(sink.registry), counting, undefined, usesOf(sink));
  // ESP keys: one table for the prescan decoder and this one; DSBs add to it as the reader meets them.
  const keys = new EspKeys((level, text) => sink.emit({ kind: 'message', level, text }));
  keys.addTexts(opts.espSa ?? []);
  keys.watch(reader);
  const dec = new Decoder({ esp: keys.table });
  // Received datagrams being reassembled: their deadline is tested for every record (a field read).
  const reasm = net.reasm;
  const signal = opts.signal;
  // Live input: what the packets so far printed goes out before waiting for the next chunk
  // (not a write per firing; not held until 64 KiB have piled up either).
  const batching = opts.live === true && typeof (sink as Partial<TextBatching>).flushText === 'function' ? sink as unknown as TextBatching : null;
  const fill = (): Promise<boolean> => { batching?.flushText(); return reader.fill(); };
  const ticks: Probe[] = [];
  for (const p of sink.registry.probes) if (p.intervalNs !== undefined && sink.enabled(p)) ticks.push(p);
  const nextTick: number[] = ticks.map(() => 0);
  let packets = 0;
  let t0Sec = 0, t0Nsec = 0;
  let started = false;
  let reason: CaptureRunResult['reason'] = 'end';

  // The local host.
  const locals = new LocalSet();
  for (const s of opts.locals ?? []) {
    const err = locals.add(s);
    if (err !== '') sink.emit({ kind: 'message', level: 'warning', text: `--local: ${err}` });
  }
  const explicit = locals.size > 0;
  net.resolver = new DirectionResolver(locals, explicit, null);

  const start = (r: PacketRecord): void => {
    started = true;
    t0Sec = r.tsSec;
    t0Nsec = r.tsNsec;
    // When the capture says when it started (pcapng isb_starttime before the first packet), BEGIN is then.
    const cs = (reader as CaptureStartInfo).captureStart;
    if (cs != null && (cs.sec < t0Sec || (cs.sec === t0Sec && cs.nsec <= t0Nsec)) && t0Sec - cs.sec < 86400) {
      t0Sec = cs.sec;
      t0Nsec = cs.nsec;
    }
    ctx.wallDeltaNs = BigInt(t0Sec) * 1_000_000_000n + BigInt(t0Nsec) - BigInt(BOOT_NS);
    for (let i = 0; i < ticks.length; i++) nextTick[i] = ticks[i]!.intervalNs!;
    opts.begin?.();
  };

  /** Ticks and reassembly timeouts due at or before `rel`, in time order. */
  const fireTimersUntil = (rel: number): void => {
    const n = ticks.length;
    for (;;) {
      let k = -1;
      for (let i = 0; i < n; i++) if (nextTick[i]! <= rel && (k < 0 || nextTick[i]! < nextTick[k]!)) k = i;
      const d = reasm.deadline;
      if (d <= rel && (k < 0 || d <= nextTick[k]!)) {
        net.expire(BOOT_NS + d, d);
        if (sink.stopped()) return;
        continue;
      }
      if (k < 0) return;
      const p = ticks[k]!;
      const t = nextTick[k]!;
      nextTick[k] = t + p.intervalNs!;
      ctx.tsNs = BOOT_NS + t;
      ctx.vtsNs = t;
      ctx.frame = 0; ctx.pid = 0; ctx.tid = 0; ctx.cpu = 0; ctx.execname = ''; clearProcess(ctx);
      ctx.mem = null;
      ctx.stackLines = NO_STACK;
      ctx.args.length = 0;
      for (let i = 0; i < ctx.arg.length; i++) ctx.arg[i] = 0;
      counting.fire(p);
      if (sink.stopped()) return;
    }
  };

  const relOf = (r: PacketRecord): number => {
    const rel = (r.tsSec - t0Sec) * 1e9 + (r.tsNsec - t0Nsec);
    return rel < -BOOT_NS ? -BOOT_NS : rel;
  };

  // The send-ahead's hold (null: not holding).
  let held: Held[] | null = null;
  let heldBytes = 0;

  /**
   * One record: timers, decode, firings. `note` is the send-ahead's for it;
   * `replay` marks a held record (already fed to the send-ahead; an opener
   * was counted and its timers fired when it was first seen).
   */
  const process = (r: PacketRecord, note: SentNote | null, replay: boolean, opener: boolean): void => {
    if (!started) { start(r); if (sink.stopped()) return; }
    const rel = relOf(r);
    if (!opener) {
      if (ticks.length > 0 || rel >= reasm.deadline) { fireTimersUntil(rel); if (sink.stopped()) return; }
      packets++;
    }
    if (!net.any) return;
    const f = dec.decode(r, reader.interfaces, !opener);
    net.clock(BOOT_NS + rel, rel);
    if (!replay && f.fragmented) {
      const l = net.sentFragment(f, r);
      if (l !== null) {
        note = net.ahead.feed(f, l, rel);
        if (net.ahead.pending > 0) {
          const c = copyRecord(r);
          held = [{ rec: c, note, opener: true }];
          heldBytes = c.capLen + 64;
          return;
        }
      }
    }
    net.sendNote = note;
    net.frameAtClock(f, r);
  };

  /** Replays the held records in order; sent datagrams still incomplete show their first fragment alone. */
  const release = (): void => {
    net.ahead.abandonAll();
    const q = held!;
    held = null;
    heldBytes = 0;
    for (const h of q) {
      process(h.rec, h.note, true, h.opener);
      if (sink.stopped()) return;
    }
  };

  /** A record while holding: copied, fed to the send-ahead; released once nothing sent is incomplete or a bound is reached. */
  const hold = (r: PacketRecord): void => {
    const c = copyRecord(r);
    const rel = relOf(c);
    let note: SentNote | null = null;
    const f = dec.decode(c, reader.interfaces, false);
    if (f.fragmented) {
      const l = net.sentFragment(f, c);
      if (l !== null) note = net.ahead.feed(f, l, rel);
    }
    held!.push({ rec: c, note, opener: false });
    heldBytes += c.capLen + 64;
    net.ahead.expire(rel);
    if (net.ahead.pending === 0 || heldBytes > HOLD_MAX_BYTES) release();
  };

  const handle = (r: PacketRecord): void => {
    if (held !== null) hold(r);
    else process(r, null, false, false);
  };

  try {
    // Prescan: decide the local host from the first frames, when it has to be inferred.
    if (!explicit && net.any) {
      const inf = new LocalInference();
      const saved: PacketRecord[] = [];
      const pre = new Decoder({ esp: keys.table });
      outer: for (;;) {
        for (let p = reader.nextSync(); p !== null; p = reader.nextSync()) {
          inf.observe(pre.decode(p, reader.interfaces, false));
          saved.push(copyRecord(p));
          if (saved.length >= PRESCAN) break outer;
        }
        if (opts.live && saved.length > 0) break;
        if (!(await fill())) break;
      }
      const d = inf.decide(locals);
      net.resolver = new DirectionResolver(locals, false, d.mac);
      if (d.note !== '' && opts.reportInference !== false) sink.emit({ kind: 'message', level: 'info', text: d.note });
      for (const r of saved) {
        handle(r);
        if (sink.stopped()) { reason = 'exit'; break; }
      }
    }
    if (reason !== 'exit') {
      let sinceCheck = 0;
      let sinceProgress = 0;
      loop: for (;;) {
        for (let p = reader.nextSync(); p !== null; p = reader.nextSync()) {
          handle(p);
          if (sink.stopped()) { reason = 'exit'; break loop; }
          if (++sinceCheck >= CHECK_EVERY) {
            sinceCheck = 0;
            if (signal?.aborted === true) { reason = 'abort'; break loop; }
            if ((sinceProgress += CHECK_EVERY) >= PROGRESS_EVERY) {
              sinceProgress = 0;
              sink.emit({ kind: 'progress', bytes: reader.bytesRead, totalBytes: opts.totalBytes, packets, firings: counting.firings });
              // Let an abort (Ctrl-C, the Stop button) be delivered even when the input is all in memory.
              if (signal !== undefined) {
                await yieldTask();
                if (signal.aborted) { reason = 'abort'; break loop; }
              }
            }
          }
        }
        if (signal?.aborted) { reason = 'abort'; break; }
        if (!(await fill())) break;
      }
    }
  } catch (e) {
    if (!(e instanceof CaptureError)) throw e;
    sink.emit({ kind: 'message', level: 'error', text: `${e.source || reader.source}: ${e.message}${e.offset > 0 ? ` (at byte offset ${e.offset})` : ''}` });
    reason = 'error';
  }
  // Records held for the send-ahead were read: they fire (unless the run was stopped or interrupted).
  if (held !== null && (reason === 'end' || reason === 'error')) {
    release();
    if (sink.stopped() && reason === 'end') reason = 'exit';
  }
  // END sees no packet.
  ctx.mem = null;
  ctx.frame = 0;
  ctx.stackLines = NO_STACK;
  ctx.pid = 0; ctx.tid = 0; ctx.cpu = 0; ctx.execname = ''; clearProcess(ctx);
  sink.emit({ kind: 'progress', bytes: reader.bytesRead, totalBytes: opts.totalBytes, packets, firings: counting.firings });
  for (const w of reader.warnings) {
    sink.emit({ kind: 'message', level: 'warning', text: `${w.frame > 0 ? `frame ${w.frame}: ` : ''}${w.message}` });
  }
  const lines = dec.summary.lines();
  if (lines.length > 0) sink.emit({ kind: 'message', level: 'warning', text: lines.join('\n') });
  const reasmLines = net.finish();
  if (reasmLines.length > 0) sink.emit({ kind: 'message', level: 'warning', text: reasmLines.join('\n') });
  return { packets, firings: counting.firings, reason };
}

/** Opens the sources (in order) and merges them by time; closes what was opened on failure. */
export async function openSources(captures: readonly ByteSource[]): Promise<CaptureReader> {
  const readers: CaptureReader[] = [];
  try {
    for (let i = 0; i < captures.length; i++) readers.push(await openCapture(captures[i]!, { fileIndex: i }));
  } catch (e) {
    await Promise.all(readers.map((r) => r.close().catch(() => undefined)));
    throw e;
  }
  return mergeReaders(readers);
}

export const captureRunDriver: CaptureDriver = {
  async run(captures, sink, options: EngineOptions, signal, hooks) {
    let reader: CaptureReader;
    try {
      reader = await openSources(captures);
    } catch (e) {
      if (!(e instanceof CaptureError)) throw e;
      sink.emit({ kind: 'message', level: 'error', text: `${e.source || captures[0]?.name || 'capture'}: ${e.message}` });
      return 1;
    }
    // Live input (a pipe: no size): the loop hands the text out before each wait for more input.
    const live = captures.some((c) => c.size === undefined);
    let total: number | undefined = 0;
    for (const c of captures) total = c.size === undefined || total === undefined ? undefined : total + c.size;
    try {
      const res = await runCaptureLoop(reader, sink, {
        locals: options.locals, signal, totalBytes: total, reportInference: options.quietInference !== true,
        live, begin: hooks?.begin, espSa: options.espSa,
      });
      return res.reason === 'error' ? 1 : undefined;
    } finally {
      await reader.close().catch(() => undefined);
    }
  },
};

addProviderModule({ name: 'net', register: (reg) => { registerNetworkProviders(reg); } });
setCaptureDriver(captureRunDriver);
