/**
 * The coordinator of a parallel run: a CaptureDriver (providers.ts) that the
 * engine's run() uses like the one-thread driver — it fires BEGIN through
 * the hook, and leaves END, the remaining aggregations and the drop report
 * to run(), which then finds the merged aggregations in its Session.
 *
 * When the program may run on several workers (plan.ts) and several are
 * asked for (`-x ncpu=N`; the default is one: DEFAULT_SPREAD), the coordinator:
 *
 *   1. starts N shards (shard.ts) and has them compile the program, while
 *      it opens the captures and, if the local host must be inferred, reads
 *      the first frames for it exactly as the one-thread loop does;
 *   2. fires BEGIN at the capture's start and hands BEGIN's variables, the
 *      clock and the local host to the shards;
 *   3. reads the captures, sends each frame to the shard its flow hashes to
 *      (flowhash.ts), in epochs of EPOCH_RECORDS frames cut at the same frame
 *      for every shard; ticks due before a frame are queued as coordinator
 *      actions at that frame — one that needs the aggregations (printa,
 *      clear, trunc, normalize, exit) ends the epoch there and asks the
 *      shards for their aggregation deltas with it;
 *   4. as epochs complete, in order: merges the shards' outputs by frame
 *      (sequencer.ts), firing the queued ticks in place with the merged
 *      aggregations; a tick that calls exit() ends the run there, and
 *      everything the shards did past it is dropped;
 *   5. at the end of the input (or Ctrl-C/Stop: the frames already sent are
 *      finished), merges the last deltas, the decode summaries and the
 *      drops, and returns to run() for END.
 *
 * At most MAX_INFLIGHT epochs are out at once, so memory stays bounded
 * whatever the capture's size. Bounded tables (TCP connections, flow ids,
 * dynamic variables) are per shard; when their sum passes the one-thread
 * bound the output may differ from one thread's, and a warning says so.
 */
import type { ByteSource, CaptureReader, PacketRecord } from '../../capture/types.ts';
import { CaptureError } from '../../capture/types.ts';
import type { Probe } from '../../d/types/probes.ts';
import { Decoder } from '../../decode/index.ts';
import { DecodeSummary } from '../../decode/summary.ts';
import { LocalInference } from '../../providers/direction.ts';
import { LocalSet } from '../../providers/locals.ts';
import { mergeDelta, deltaMismatch, type AggDelta } from '../../d/runtime/aggregate-merge.ts';
import { PROBE_HEADER } from '../../d/format/trace.ts';
import { preprocess } from '../../d/preprocess.ts';
import type { EngineOptions, ProgramText } from '../api.ts';
import type { CaptureDriver, CaptureHooks, FiringSink } from '../providers.ts';
import { Session } from '../session.ts';
import { PRESCAN, openSources } from '../capture-run.ts';
import { BOOT_NS, CaptureClock } from '../capture-clock.ts';
import { TickSchedule } from '../ticks.ts';
import { planParallel, type ParallelPlan } from './plan.ts';
import { FlowHasher } from './flowhash.ts';
import { BatchWriter } from './records.ts';
import { ChunkPool, sharedMemory } from './chunks.ts';
import { EspKeys, type KeyText } from '../esp-keys.ts';
import { snapshotRuntime } from './globals.ts';
import { sequence } from './sequencer.ts';
import type { EpochDone, FromShard, LocalHostSpec, RecordBatch, ShardHost, ShardOptions, ShardPort } from './protocol.ts';

/** Default worker count applies to captures at least this large (smaller ones finish before workers start). */
export const PARALLEL_MIN_BYTES = 32 << 20;
export const MAX_NCPU = 256;
/**
 * Whether a run without -x ncpu spreads over the host's cores. Off: on the
 * bench capture the coordinator's own work (reading, framing, flow hashing,
 * batching) costs more CPU than a whole one-thread run of the count
 * one-liner, so two workers on two cores are slower than one (README,
 * "Workers"). Turn it on once the workers frame the shared chunks themselves.
 */
const DEFAULT_SPREAD = false;
const EPOCH_RECORDS = 8192;
const EPOCH_BYTES = 8 << 20;
const MAX_INFLIGHT = 4;
const CHECK_EVERY = 4096;
const PROGRESS_EVERY = 1 << 16;
/** The one-thread bounds (flows.ts clears its table at half of 2^18 slots; tcp/table.ts holds 65536). */
const FLOW_BOUND = 1 << 17;
const CONN_BOUND = 65536;
const NET_PROVIDERS = new Set(['ip', 'tcp', 'udp', 'ipv4', 'ipv6']);
const NO_STACK: string[] = [];

/** Session's once-per-run header flag (session.ts keeps it private; the coordinator prints the header for its shards). */
interface HeaderFlag { headerDone: boolean }

/** How many workers, and why (for -v). */
export interface WorkerChoice { n: number; why: string }

export function chooseWorkers(s: Session, host: ShardHost, captures: readonly ByteSource[]): WorkerChoice {
  // printf rows (-x recfmt=parquet) are written by the one-thread loop's session.
  if (s.opt('recfmt') === 'parquet') return { n: 1, why: '-x recfmt=parquet' };
  const v = s.opt('ncpu');
  if (v !== undefined && s.opts.has('ncpu')) {
    const n = Math.min(Number(v), MAX_NCPU);
    return { n, why: n === 1 ? '-x ncpu=1' : `-x ncpu=${n}` };
  }
  // Without -x ncpu, one worker when DEFAULT_SPREAD is off (measured: README, "Workers"); else the
  // host's cores for captures of PARALLEL_MIN_BYTES or more.
  if (!DEFAULT_SPREAD) return { n: 1, why: `the default: -x ncpu=N spreads frames over N workers; ${host.cores} cores here` };
  let total = 0;
  for (const c of captures) {
    if (c.size === undefined) return { n: 1, why: 'live input (-x ncpu=N to spread it)' };
    total += c.size;
  }
  if (total < PARALLEL_MIN_BYTES) return { n: 1, why: `the capture is under ${PARALLEL_MIN_BYTES >> 20} MB (-x ncpu=N to spread it)` };
  return { n: Math.max(1, Math.min(host.cores, MAX_NCPU)), why: `${host.cores} cores` };
}

/** The driver: parallel when it can be, else `single` (the one-thread capture driver). */
export function parallelDriver(host: ShardHost, single: CaptureDriver): CaptureDriver {
  return {
    async run(captures, sink, options, signal, hooks) {
      if (!(sink instanceof Session) || sink.compiled === undefined || !sink.compiled.ok) return single.run(captures, sink, options, signal, hooks);
      const s = sink;
      const choice = chooseWorkers(s, host, captures);
      const anyNet = s.enabledProbes().some((p) => NET_PROVIDERS.has(p.provider));
      const plan = planParallel(s.compiled!);
      const say = (text: string): void => { if (options.verbose === true) s.emit({ kind: 'message', level: 'info', text }); };
      if (!anyNet) { say('one worker: no packet probe is enabled'); return single.run(captures, sink, options, signal, hooks); }
      if (!plan.parallel) {
        say(`one worker: ${plan.reasons.length === 1 ? '' : 'the program '}cannot be spread over workers:\n${plan.reasons.map((r) => `  ${r}`).join('\n')}`);
        return single.run(captures, sink, options, signal, hooks);
      }
      if (choice.n <= 1) { say(`one worker (${choice.why})`); return single.run(captures, sink, options, signal, hooks); }
      say(`${choice.n} workers (${choice.why}): frames spread by their address pair${plan.cpuVisible ? '; cpu is the worker that fired' : ''}`);
      return new Coordinator(s, plan, host, choice.n, options, signal, hooks).run(captures);
    },
  };
}

interface TickAction { frame: number; probe: Probe; t: number; sync: boolean }

interface Epoch {
  id: number;
  actions: TickAction[];
  sync: boolean;
  results: (EpochDone | undefined)[];
  pending: number;
  done: Promise<void>;
  resolve: () => void;
}

class Coordinator {
  private readonly ports: ShardPort[] = [];
  private readonly writers: BatchWriter[] = [];
  /** Batches handed back by each shard, for reuse. */
  private readonly batches: RecordBatch[][] = [];
  private readonly inflight: Epoch[] = [];
  private readonly byId = new Map<number, Epoch>();
  private epochId = 0;
  private actions: TickAction[] = [];
  private epochRecords = 0;
  private epochBytes = 0;
  private ifacesSent = 0;
  private failure = '';
  private failed: Promise<void>;
  private fail!: (m: string) => void;
  private finals: (FromShard & { type: 'final' })[] = [];
  private finalsPending = 0;
  private finalsDone!: () => void;
  private readonly summary = new DecodeSummary();
  private firings = 0;
  private dynDrops = 0;
  private flows: number[] = [];
  private frags: number[] = [];
  /** ESP keys of the capture's secrets blocks read since the last epoch was cut (they go with the next). */
  private pendingKeys: KeyText[] = [];
  private conns: number[] = [];
  private dyn: number[] = [];
  /** A tick's exit() ended the run at this frame (everything after it is dropped). */
  private stoppedByTick = false;
  private readonly ticks: Probe[] = [];
  private reader: CaptureReader | null = null;
  /** Shared chunks, when the sources can read into them. */
  private pool: ChunkPool | null = null;

  constructor(
    private readonly s: Session,
    private readonly plan: ParallelPlan,
    private readonly host: ShardHost,
    private readonly n: number,
    private readonly options: EngineOptions,
    private readonly signal: AbortSignal | undefined,
    private readonly hooks: CaptureHooks | undefined,
  ) {
    this.failed = new Promise((resolve) => { this.fail = (m) => { if (this.failure === '') { this.failure = m; resolve(); } }; });
    for (const p of s.registry.probes) if (p.intervalNs !== undefined && s.enabled(p)) this.ticks.push(p);
  }

  private start(): void {
    const programs = this.programsForShards();
    const { readInclude, ...rest } = this.options;
    void readInclude;
    const opts: ShardOptions = rest;
    for (let i = 0; i < this.n; i++) {
      const port = this.host.spawn(i, this.n);
      port.onMessage = (m) => this.receive(m);
      port.onError = (m) => this.fail(`worker ${i}: ${m}`);
      port.post({ type: 'init', index: i, count: this.n, programs, options: opts });
      this.ports.push(port);
      this.writers.push(new BatchWriter(this.pool));
      this.batches.push([]);
      this.flows.push(0); this.conns.push(0); this.dyn.push(0); this.frags.push(0);
    }
  }

  /** The programs as compiled here: with -C, preprocessed (the shards have no file system to include from). */
  private programsForShards(): ProgramText[] {
    const o = this.options;
    return this.s.programs.map((p) => {
      if (!o.cpp) return p;
      const r = preprocess(p.text, { program: p.name, defines: o.defines, undefs: o.undefs, includeDirs: o.includeDirs, readInclude: o.readInclude });
      return { ...p, text: r.text };
    });
  }

  private receive(m: FromShard): void {
    switch (m.type) {
      case 'ready': break;
      case 'failed': this.fail(`worker ${m.index}: ${m.message}`); break;
      case 'epoch-done': {
        const e = this.byId.get(m.epoch);
        if (e === undefined) return;
        e.results[m.index] = m;
        this.flows[m.index] = m.flows; this.conns[m.index] = m.conns; this.dyn[m.index] = m.dynBytes; this.frags[m.index] = m.fragments;
        if (--e.pending === 0) e.resolve();
        break;
      }
      case 'final':
        this.finals.push(m);
        if (--this.finalsPending === 0) this.finalsDone();
        break;
    }
  }

  private terminate(): void {
    for (const p of this.ports) { p.onMessage = null; p.onError = null; p.terminate(); }
  }

  async run(captures: readonly ByteSource[]): Promise<number | undefined> {
    if (sharedMemory) {
      const pool = new ChunkPool();
      // Sources that cannot lend (pipes, Blobs) keep their own buffers: their records are copied.
      let lent = false;
      for (const c of captures) if (c.lendChunks?.(pool) === true) lent = true;
      if (lent) this.pool = pool;
    }
    this.start();
    try {
      return await this.drive(captures);
    } finally {
      this.terminate();
    }
  }

  private async drive(captures: readonly ByteSource[]): Promise<number | undefined> {
    const s = this.s;
    const sink: FiringSink = s;
    let reader: CaptureReader;
    try {
      reader = await openSources(captures);
    } catch (e) {
      if (!(e instanceof CaptureError)) throw e;
      sink.emit({ kind: 'message', level: 'error', text: `${e.source || captures[0]?.name || 'capture'}: ${e.message}` });
      return 1;
    }
    let total: number | undefined = 0;
    for (const c of captures) total = c.size === undefined || total === undefined ? undefined : total + c.size;
    const live = captures.some((c) => c.size === undefined);
    this.reader = reader;
    // ESP keys: the key files' problems are said here (once), as the one-thread loop says them; a secrets
    // block ends the epoch before it, so its keys apply to the workers from the next frame, as they do there.
    const keys = new EspKeys((level, text) => s.emit({ kind: 'message', level, text }));
    keys.addTexts(this.options.espSa ?? []);
    keys.watch(reader);
    keys.onEspBlock = (k) => { this.cut(false); this.pendingKeys.push(k); };
    try {
      return await this.loop(reader, total, live, keys);
    } finally {
      await reader.close().catch(() => undefined);
    }
  }

  /** `keys`: the run's ESP keys, which the local-host prescan decrypts with as the one-thread loop's does. */
  private async loop(reader: CaptureReader, totalBytes: number | undefined, live: boolean, keys: EspKeys): Promise<number | undefined> {
    const s = this.s;
    const ctx = s.ctx;
    const hasher = new FlowHasher(this.n);
    const ticks = this.ticks;
    let packets = 0;
    let t0Sec = 0, t0Nsec = 0;
    let started = false;
    let error = '';
    let stopped = false;

    // The local host, as the one-thread loop decides it.
    const locals = new LocalSet();
    const specs = this.options.locals ?? [];
    for (const spec of specs) {
      const err = locals.add(spec);
      if (err !== '') s.emit({ kind: 'message', level: 'warning', text: `--local: ${err}` });
    }
    const localSpec: LocalHostSpec = { specs: [...specs], added: [], explicit: locals.size > 0, mac: null };

    const start = (r: PacketRecord): void => {
      started = true;
      t0Sec = r.tsSec;
      t0Nsec = r.tsNsec;
      const cs = (reader as { captureStart?: { sec: number; nsec: number } | null }).captureStart;
      if (cs != null && (cs.sec < t0Sec || (cs.sec === t0Sec && cs.nsec <= t0Nsec)) && t0Sec - cs.sec < 86400) {
        t0Sec = cs.sec;
        t0Nsec = cs.nsec;
      }
      ctx.wallDeltaNs = BigInt(t0Sec) * 1_000_000_000n + BigInt(t0Nsec) - BigInt(BOOT_NS);
      clock.start(t0Sec, t0Nsec);
      this.hooks?.begin();
      if (s.stopped()) return;
      const state = snapshotRuntime(s);
      for (const p of this.ports) p.post({ type: 'begin', state, wallDeltaNs: ctx.wallDeltaNs, t0Sec, t0Nsec, locals: localSpec });
    };

    // The one-thread loop's tick rules (ticks.ts: idle gaps of more than an hour jumped, a firing cap),
    // queued as coordinator actions at their frame; times relative to t0.
    const schedule = new TickSchedule(ticks, (p, t) => {
      const sync = this.plan.syncProbes.has(p.id);
      this.actions.push({ frame: queuedFrame, probe: p, t, sync });
      if (sync) this.cut(true);
    }, () => false);
    let queuedFrame = 0;
    let prevRel = 0;
    const queueTicks = (rel: number, frame: number): void => {
      queuedFrame = frame;
      schedule.fireUntil(rel, prevRel, Number.POSITIVE_INFINITY, frame);
    };
    // Exact 64-bit timestamps for END (capture-clock.ts), as the shards keep them for packets.
    const clock = new CaptureClock();

    const handle = (r: PacketRecord): void => {
      if (!started) { start(r); if (s.stopped()) { stopped = true; return; } }
      const rel = (r.tsSec - t0Sec) * 1e9 + (r.tsNsec - t0Nsec);
      if (schedule.any) queueTicks(rel, r.frame);
      prevRel = rel;
      clock.settle(clock.rel(r));
      packets++;
      this.writers[hasher.worker(r, reader.interfaces)]!.add(r, this.epochId + 1);
      this.epochRecords++;
      this.epochBytes += r.capLen;
      if (this.epochRecords >= EPOCH_RECORDS || this.epochBytes >= EPOCH_BYTES) this.cut(false);
    };

    const pace = async (): Promise<void> => {
      while (this.inflight.length >= MAX_INFLIGHT && this.failure === '') await this.drainOne();
    };

    try {
      // Prescan: decide the local host from the first frames, when it has to be inferred.
      if (!localSpec.explicit) {
        const inf = new LocalInference();
        const saved: PacketRecord[] = [];
        const pre = new Decoder({ esp: keys.table });
        outer: for (;;) {
          for (let p = reader.nextSync(); p !== null; p = reader.nextSync()) {
            inf.observe(pre.decode(p, reader.interfaces, false));
            saved.push({ ...p, buf: p.buf.slice(p.off, p.off + p.capLen), off: 0 });
            if (saved.length >= PRESCAN) break outer;
          }
          if (live && saved.length > 0) break;
          if (!(await reader.fill())) break;
        }
        const d = inf.decide(new RecordingLocalSet(localSpec.added));
        localSpec.mac = d.mac;
        if (d.note !== '' && this.options.quietInference !== true) s.emit({ kind: 'message', level: 'info', text: d.note });
        for (const r of saved) {
          handle(r);
          if (stopped || this.stoppedByTick) break;
          await pace();
        }
      }
      if (!stopped && !this.stoppedByTick) {
        let sinceCheck = 0, sinceProgress = 0;
        loop: for (;;) {
          for (let p = reader.nextSync(); p !== null; p = reader.nextSync()) {
            handle(p);
            if (stopped) break loop;
            if (this.inflight.length >= MAX_INFLIGHT) { await pace(); if (this.stoppedByTick || this.failure !== '') break loop; }
            if (++sinceCheck >= CHECK_EVERY) {
              sinceCheck = 0;
              if (this.signal?.aborted === true) break loop;
              if ((sinceProgress += CHECK_EVERY) >= PROGRESS_EVERY) {
                sinceProgress = 0;
                s.emit({ kind: 'progress', bytes: reader.bytesRead, totalBytes, packets, firings: this.firings });
              }
            }
          }
          if (this.signal?.aborted === true || this.stoppedByTick || this.failure !== '') break;
          // Before waiting for input, hand out what is ready (live input shows its output as it comes).
          if (live) { this.cut(false); await this.drainReady(); }
          if (!(await reader.fill())) break;
        }
      }
    } catch (e) {
      if (!(e instanceof CaptureError)) throw e;
      error = `${e.source || reader.source}: ${e.message}${e.offset > 0 ? ` (at byte offset ${e.offset})` : ''}`;
    }
    if (stopped) return undefined; // BEGIN called exit(): no frame was sent
    await this.finish();
    if (this.failure !== '') {
      s.emit({ kind: 'message', level: 'error', text: `parallel run failed: ${this.failure}` });
      return 1;
    }
    if (error !== '') s.emit({ kind: 'message', level: 'error', text: error });
    // END sees no packet; its clock is the last frame's (or the tick that stopped the run).
    if (!this.stoppedByTick && started) { ctx.tsNs = clock.tsNs; ctx.vtsNs = clock.vtsNs; }
    for (const text of schedule.notes()) s.emit({ kind: 'message', level: 'warning', text });
    ctx.mem = null;
    ctx.frame = 0;
    ctx.stackLines = NO_STACK;
    ctx.pid = 0; ctx.tid = 0; ctx.cpu = 0; ctx.execname = '';
    s.emit({ kind: 'progress', bytes: reader.bytesRead, totalBytes, packets, firings: this.firings });
    for (const w of reader.warnings) s.emit({ kind: 'message', level: 'warning', text: `${w.frame > 0 ? `frame ${w.frame}: ` : ''}${w.message}` });
    const lines = this.summary.lines();
    if (lines.length > 0) s.emit({ kind: 'message', level: 'warning', text: lines.join('\n') });
    this.boundsWarning();
    return error !== '' ? 1 : undefined;
  }

  /** Ends the current epoch: every shard gets its records (maybe none), the new interfaces, and whether to hand its aggregations over. */
  private cut(sync: boolean): void {
    if (this.epochRecords === 0 && this.actions.length === 0 && !sync) return;
    const id = ++this.epochId;
    let resolve!: () => void;
    const done = new Promise<void>((r) => { resolve = r; });
    const e: Epoch = { id, actions: this.actions, sync, results: new Array<EpochDone | undefined>(this.n), pending: this.n, done, resolve };
    this.actions = [];
    this.epochRecords = 0;
    this.epochBytes = 0;
    this.inflight.push(e);
    this.byId.set(id, e);
    const all = this.reader!.interfaces;
    const ifaces = all.slice(this.ifacesSent);
    this.ifacesSent = all.length;
    const keys = this.pendingKeys;
    this.pendingKeys = [];
    for (let i = 0; i < this.n; i++) {
      const batch = this.writers[i]!.take(this.batches[i]!.pop());
      this.ports[i]!.post({ type: 'epoch', epoch: id, batch, ifaces, sync, keys }, [batch.ints.buffer, batch.floats.buffer, batch.data.buffer]);
    }
  }

  /** Waits for the oldest epoch and merges it. */
  private async drainOne(): Promise<void> {
    const e = this.inflight[0];
    if (e === undefined) return;
    await Promise.race([e.done, this.failed]);
    if (this.failure !== '') return;
    this.inflight.shift();
    this.byId.delete(e.id);
    this.merge(e);
  }

  /** Merges the epochs already complete, without waiting. */
  private async drainReady(): Promise<void> {
    await new Promise<void>((r) => setTimeout(r, 0));
    while (this.inflight.length > 0 && this.inflight[0]!.pending === 0) await this.drainOne();
  }

  private async finish(): Promise<void> {
    this.cut(false);
    while (this.inflight.length > 0 && this.failure === '') await this.drainOne();
    if (this.failure !== '') return;
    this.finalsPending = this.n;
    const all = new Promise<void>((r) => { this.finalsDone = r; });
    for (const p of this.ports) p.post({ type: 'end' });
    await Promise.race([all, this.failed]);
    this.s.rt.dynDrops += this.dynDrops;
    if (this.failure !== '' || this.stoppedByTick) return;
    for (const f of this.finals.sort((a, b) => a.index - b.index)) this.mergeAggs(f.delta);
  }

  private mergeAggs(delta: AggDelta): void {
    const why = deltaMismatch(this.s.store, delta);
    if (why !== '') { this.fail(`aggregations differ between workers: ${why}`); return; }
    mergeDelta(this.s.store, delta);
  }

  /** One epoch, in capture order: the shards' output by frame, the ticks in place. */
  private merge(e: Epoch): void {
    const s = this.s;
    const results = e.results as EpochDone[];
    for (const r of results) this.batches[r.index]!.push(r.batch);
    this.pool?.mergedUpTo(e.id);
    if (this.stoppedByTick) return;
    for (const r of results) { this.firings += r.firings; this.dynDrops += r.dynDrops; this.summary.absorb(r.summary); }
    let merged = false;
    const mergeDeltas = (): void => {
      if (merged || !e.sync) return;
      merged = true;
      for (const r of results) if (r.delta) this.mergeAggs(r.delta);
    };
    const header = (): void => {
      const hf = s as unknown as HeaderFlag;
      if (hf.headerDone || s.quiet()) return;
      hf.headerDone = true;
      s.write(this.options.testing === true ? PROBE_HEADER.slice(11) : PROBE_HEADER);
    };
    const ctx = s.ctx;
    const ok = sequence(results, e.actions.map((a) => a.frame), {
      text: (t) => { header(); s.flushText(); s.emitEvent({ kind: 'text', text: t }); },
      event: (ev) => s.emit(ev),
      action: (i) => {
        const a = e.actions[i]!;
        if (a.sync) mergeDeltas();
        ctx.tsNs = BOOT_NS + a.t;
        ctx.vtsNs = a.t;
        ctx.frame = 0; ctx.pid = 0; ctx.tid = 0; ctx.cpu = 0; ctx.execname = '';
        ctx.mem = null;
        ctx.stackLines = NO_STACK;
        ctx.args.length = 0;
        for (let k = 0; k < ctx.arg.length; k++) ctx.arg[k] = 0;
        s.fire(a.probe);
        if (s.stopped()) { this.stoppedByTick = true; return false; }
        return true;
      },
    });
    if (ok) mergeDeltas();
  }

  /** Bounded tables are per worker: say when one thread would have hit a bound these did not. */
  private boundsWarning(): void {
    const sum = (a: number[]): number => a.reduce((x, y) => x + y, 0);
    const over: string[] = [];
    if (sum(this.flows) >= FLOW_BOUND) over.push(`${sum(this.flows)} flows (one thread renumbers them past ${FLOW_BOUND})`);
    if (sum(this.conns) > CONN_BOUND) over.push(`up to ${sum(this.conns)} TCP connections (one thread keeps ${CONN_BOUND})`);
    const dynLimit = this.s.rt.limits.dynvarsize;
    if (sum(this.dyn) > dynLimit) over.push(`${sum(this.dyn)} bytes of dynamic variables (dynvarsize is ${dynLimit})`);
    if (over.length > 0) {
      this.s.emit({ kind: 'message', level: 'warning', text: `the ${this.n} workers together held ${over.join(', ')}: output may differ from -x ncpu=1` });
    }
    // Workers reassemble IP fragments without the one-thread loop's send-ahead hold (tcp/udp:::send of a
    // fragmented datagram before its first fragment) and without reassembly timeouts on the clock.
    const frags = sum(this.frags);
    if (frags > 0) {
      this.s.emit({ kind: 'message', level: 'warning', text: `the ${this.n} workers saw ${frags} IP fragment${frags === 1 ? '' : 's'}, which they reassemble without one thread's send-ahead and timeouts: output may differ from -x ncpu=1` });
    }
  }
}

/** A LocalSet that records what inference adds to it (the shards rebuild the same set from that). */
class RecordingLocalSet extends LocalSet {
  constructor(private readonly added: Uint8Array[]) { super(); }
  override addBytes(b: Uint8Array, o: number, len: number): void {
    this.added.push(b.slice(o, o + len));
    super.addBytes(b, o, len);
  }
}
