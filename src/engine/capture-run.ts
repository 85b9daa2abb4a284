/**
 * The packet loop: captures → records (merged by time) → decode → providers
 * → clause firings. Registered with the engine as its capture driver and
 * provider module (src/engine/providers.ts); run.ts fires BEGIN before and
 * END after `run()`.
 *
 * Passes:
 *   1. open every source and merge the readers by packet time;
 *   2. prescan (only when the local host must be inferred: no --local and
 *      some frame without a stated direction): the first frames are read,
 *      observed and copied, bounded and alike for files and pipes
 *      (prescan.ts); the local host is decided and reported in one info
 *      message; the copies are then replayed through step 3;
 *   3. per record: timers due before it fire first (profile/tick on the
 *      capture's clock, at multiples of N from the capture's start, with idle
 *      gaps and the total bounded: ticks.ts; and the timeouts of datagrams
 *      being reassembled, in time order), then the frame is decoded and the
 *      network providers fire its probes;
 *      a frame carrying a fragment the host sends starts a hold: records are
 *      copied and fed to the providers' send-ahead (providers/send-ahead.ts)
 *      until every sent datagram begun is whole (or the bounds of
 *      reassembly are reached), then replayed in order, so that tcp/udp:::send
 *      fires with the whole datagram before its first fragment's ip:::send;
 *   4. at the end: held records are replayed; the reader's warnings, the
 *      decoder's summary of damaged frames, reassembly's and the ticks'
 *      notes, as warning messages.
 *
 * Clock (capture-clock.ts): `timestamp` = BOOT_NS + (packet time − capture
 * start), the same virtual boot run.ts uses (VCLOCK_START_NS), so BEGIN
 * (fired at BOOT_NS) is the capture's start; exact 64-bit integers for any
 * packet time; walltimestamp is the packet's true time
 * (ctx.wallDeltaNs = start − BOOT_NS).
 *
 * Ctrl-C (the AbortSignal): every wait for input is raced against it
 * (input-wait.ts), so a pipe or FIFO that stays open cannot hold the run;
 * the packet loop checks it every CHECK_EVERY records and yields a macrotask
 * every PROGRESS_EVERY records (an in-memory capture never waits), and long
 * tick catch-ups yield every TICK_BATCH firings, so the signal is delivered.
 *
 * Invariants: the per-record path allocates nothing (records and frames are
 * reused views; the providers fill reused argument objects); exit() is
 * checked after every frame.
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
import { BOOT_NS, CaptureClock } from './capture-clock.ts';
import { TickSchedule } from './ticks.ts';
import { InputWaiter, raceAbort } from './input-wait.ts';
import { copyRecord, prescan, PRESCAN } from './prescan.ts';

export { BOOT_NS, PRESCAN };
const CHECK_EVERY = 4096;
const NO_STACK: string[] = [];
const PROGRESS_EVERY = 1 << 16;
/** Tick firings between two yields to the event loop (so Ctrl-C and Stop are seen). */
export const TICK_BATCH = 1 << 16;

export interface CaptureRunOptions {
  locals?: readonly string[];
  /** Report the inferred local host on stderr (default true). */
  reportInference?: boolean;
  /** Live input (a pipe): the prescan also ends when the input pauses. */
  live?: boolean;
  totalBytes?: number;
  signal?: AbortSignal;
  /** Fires BEGIN, once the capture's start (and so walltimestamp) is known. */
  begin?: () => void;
  /** Overrides of the bounds, for tests. */
  prescanFrames?: number;
  prescanBytes?: number;
  prescanPauseMs?: number;
  tickIdleMaxNs?: number;
  tickLimit?: number;
  /** ESP keys (key files); the capture's own decryption secrets blocks are added as they are read. */
  espSa?: readonly KeyText[];
}

/** A sink that batches its text (the engine's Session): live input flushes it before waiting for input. */
interface TextBatching { flushText(): void }

export interface CaptureRunResult {
  packets: number;
  firings: number;
  reason: 'end' | 'exit' | 'abort' | 'error';
  /** Whether a read of the input was left pending (an abort while waiting): do not wait for close(). */
  readPending: boolean;
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
export function yieldTask(): Promise<void> {
  const si = (globalThis as { setImmediate?: (f: () => void) => void }).setImmediate;
  return new Promise((res) => { if (si) si(res); else setTimeout(res, 0); });
}

/** Bound on the records held for the send-ahead: reassembly's own (ipfrag_high_thresh), counting each record's bytes + 64. */
const HOLD_MAX_BYTES = LINUX_LIMITS.highBytes;

/** A record held back by the send-ahead; `opener` was already counted and its timers fired. */
interface Held { rec: PacketRecord; note: SentNote | null; opener: boolean }

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
  const waiter = new InputWaiter(reader, signal, batching ? () => batching.flushText() : undefined);
  const clock = new CaptureClock();
  const tickProbes: Probe[] = [];
  for (const p of sink.registry.probes) if (p.intervalNs !== undefined && sink.enabled(p)) tickProbes.push(p);
  const ticks = new TickSchedule(tickProbes, (p, t) => {
    clock.setTime(t);
    ctx.tsNs = clock.tsNs;
    ctx.vtsNs = clock.vtsNs;
    ctx.frame = 0; ctx.pid = 0; ctx.tid = 0; ctx.cpu = 0; ctx.execname = ''; clearProcess(ctx);
    ctx.mem = null;
    ctx.stackLines = NO_STACK;
    ctx.args.length = 0;
    for (let i = 0; i < ctx.arg.length; i++) ctx.arg[i] = 0;
    counting.fire(p);
  }, () => sink.stopped(), opts.tickIdleMaxNs, opts.tickLimit);
  let packets = 0;
  let started = false;
  let reason: CaptureRunResult['reason'] = 'end';
  /** The previous packet's time relative to the clock's base (ticks' idle gaps are measured from it). */
  let prevRel = 0;
  /** The record being handled has its time placed (handle() may return early to let ticks yield). */
  let placed = false;
  let rel = 0;

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
    let s = r.tsSec, n = r.tsNsec, big = r.tsSecBig ?? null;
    // When the capture says when it started (pcapng isb_starttime before the first packet), BEGIN is then.
    const cs = (reader as CaptureStartInfo).captureStart;
    if (big === null && cs != null && (cs.sec < s || (cs.sec === s && cs.nsec <= n)) && s - cs.sec < 86400) {
      s = cs.sec; n = cs.nsec; big = null;
    }
    clock.start(s, n, big);
    ctx.wallDeltaNs = clock.wallDeltaNs;
    opts.begin?.();
  };

  /**
   * Timers due at or before `rel` in time order: reassembly timeouts (first
   * on a tie, as before) and ticks. Fires at most `budget` ticks; false when
   * more remain (the caller yields and calls again).
   */
  const timersUntil = (until: number, frame: number, budget: number): boolean => {
    for (;;) {
      const d = reasm.deadline;
      if (d > until) break;
      if (ticks.any) {
        if (!ticks.fireUntil(d - 1, prevRel, budget, frame)) return false;
        if (sink.stopped()) return true;
      }
      clock.setTime(d);
      net.expire(clock.tsNs, d);
      // An expiry is an event on the capture's clock: idle gaps are measured from it.
      if (d > prevRel) prevRel = d;
      if (sink.stopped()) return true;
    }
    if (ticks.any && !ticks.fireUntil(until, prevRel, budget, frame)) return false;
    return true;
  };

  // The send-ahead's hold (null: not holding).
  let held: Held[] | null = null;
  let heldBytes = 0;

  /**
   * One record: timers, decode, firings. `note` is the send-ahead's for it;
   * `replay` marks a held record (already fed to the send-ahead; an opener
   * was counted and its timers fired when it was first seen). Returns false
   * when timers are still due before it (a long catch-up): the caller yields
   * to the event loop and calls again with the same record.
   */
  const process = (r: PacketRecord, note: SentNote | null, replay: boolean, opener: boolean, budget: number): boolean => {
    if (!started) { start(r); if (sink.stopped()) return true; }
    if (!placed) { rel = clock.rel(r); placed = true; }
    if (!opener && (ticks.any || rel >= reasm.deadline)) {
      if (!timersUntil(rel, r.frame, budget)) return false;
      if (sink.stopped()) { placed = false; return true; }
    }
    placed = false;
    const by = clock.pending;
    rel = clock.settle(rel);
    if (by !== null && ticks.any) ticks.realign(by, clock.shift, r.frame);
    if (!opener) { prevRel = rel; packets++; }
    if (!net.any) return true;
    const f = dec.decode(r, reader.interfaces, !opener);
    net.clock(clock.tsNs, Number(clock.vtsNs));
    if (!replay && f.fragmented) {
      const l = net.sentFragment(f, r);
      if (l !== null) {
        note = net.ahead.feed(f, l, rel);
        if (net.ahead.pending > 0) {
          const c = copyRecord(r);
          held = [{ rec: c, note, opener: true }];
          heldBytes = c.capLen + 64;
          return true;
        }
      }
    }
    net.sendNote = note;
    net.frameAtClock(f, r);
    return true;
  };

  /**
   * Replays the held records in order; sent datagrams still incomplete show
   * their first fragment alone. Timers between them fire without yielding
   * (the hold is bounded by HOLD_MAX_BYTES, the ticks by their firing cap).
   */
  const release = (): void => {
    net.ahead.abandonAll();
    const q = held!;
    held = null;
    heldBytes = 0;
    for (const h of q) {
      process(h.rec, h.note, true, h.opener, Infinity);
      if (sink.stopped()) return;
    }
  };

  /** A record while holding: copied, fed to the send-ahead; released once nothing sent is incomplete or a bound is reached. */
  const hold = (r: PacketRecord): void => {
    const c = copyRecord(r);
    const crel = clock.peek(c);
    let note: SentNote | null = null;
    const f = dec.decode(c, reader.interfaces, false);
    if (f.fragmented) {
      const l = net.sentFragment(f, c);
      if (l !== null) note = net.ahead.feed(f, l, crel);
    }
    held!.push({ rec: c, note, opener: false });
    heldBytes += c.capLen + 64;
    net.ahead.expire(crel);
    if (net.ahead.pending === 0 || heldBytes > HOLD_MAX_BYTES) release();
  };

  /** One record from the reader; false when its timers need another turn (see process()). */
  const handle = (r: PacketRecord): boolean => {
    if (held !== null) { hold(r); return true; }
    return process(r, null, false, false, TICK_BATCH);
  };

  /** Handles r, yielding between timer batches; false when aborted meanwhile. */
  const handleSlow = async (r: PacketRecord): Promise<boolean> => {
    while (!handle(r)) {
      await yieldTask();
      if (signal?.aborted === true) { placed = false; return false; }
    }
    return true;
  };

  try {
    // Prescan: decide the local host from the first frames, when it has to be inferred.
    if (!explicit && net.any) {
      const inf = new LocalInference();
      const pre = new Decoder({ esp: keys.table });
      const res = await prescan(reader, waiter, (p) => inf.observe(pre.decode(p, reader.interfaces, false)), {
        live: opts.live, frames: opts.prescanFrames, bytes: opts.prescanBytes, pauseMs: opts.prescanPauseMs,
      });
      const d = inf.decide(locals);
      net.resolver = new DirectionResolver(locals, false, d.mac);
      if (d.note !== '' && opts.reportInference !== false) sink.emit({ kind: 'message', level: 'info', text: d.note });
      if (res.stop === 'abort') reason = 'abort';
      for (const r of res.saved) {
        if (!handle(r) && !(await handleSlow(r))) { reason = 'abort'; break; }
        if (sink.stopped()) { reason = 'exit'; break; }
      }
      res.saved.length = 0;
    }
    if (reason === 'end') {
      let sinceCheck = 0;
      let sinceProgress = 0;
      loop: for (;;) {
        for (let p = reader.nextSync(); p !== null; p = reader.nextSync()) {
          if (!handle(p) && !(await handleSlow(p))) { reason = 'abort'; break loop; }
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
        const f = await waiter.fill();
        if (f === 'abort') { reason = 'abort'; break; }
        if (f === 'end') break;
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
  for (const n of ticks.notes()) sink.emit({ kind: 'message', level: 'warning', text: n });
  return { packets, firings: counting.firings, reason, readPending: waiter.waiting };
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
      // Opening reads the first bytes: a pipe may have none yet, and Ctrl-C must still end the run.
      const opened = openSources(captures);
      const r = await raceAbort(opened, signal);
      if (r === 'abort') {
        opened.then((rd) => rd.close(), () => undefined).catch(() => undefined);
        for (const c of captures) void c.close().catch(() => undefined);
        return undefined;
      }
      reader = r;
    } catch (e) {
      if (!(e instanceof CaptureError)) throw e;
      sink.emit({ kind: 'message', level: 'error', text: `${e.source || captures[0]?.name || 'capture'}: ${e.message}` });
      return 1;
    }
    // Live input (a pipe: no size): the loop hands the text out before each wait for more input.
    const live = captures.some((c) => c.size === undefined);
    let total: number | undefined = 0;
    for (const c of captures) total = c.size === undefined || total === undefined ? undefined : total + c.size;
    let pending = false;
    try {
      const res = await runCaptureLoop(reader, sink, {
        locals: options.locals, signal, totalBytes: total, reportInference: options.quietInference !== true,
        live, begin: hooks?.begin, espSa: options.espSa,
      });
      pending = res.readPending;
      return res.reason === 'error' ? 1 : undefined;
    } finally {
      // A read left pending (Ctrl-C while a pipe had nothing) may never complete: do not wait for it.
      const closing = reader.close().catch(() => undefined);
      if (!pending) await closing;
    }
  },
};

addProviderModule({ name: 'net', register: (reg) => { registerNetworkProviders(reg); } });
setCaptureDriver(captureRunDriver);
