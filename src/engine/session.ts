/**
 * One run's engine state and the firing path.
 *
 * Firing a probe: the caller fills `ctx` (one FireCtx per run), then
 * `fire(probe)` runs the probe's enabled clauses (ECBs) in enabling order.
 * For each: predicate, then statements; the clause's records go to a
 * reused ClauseOutput and are flushed when the clause completes — or
 * dropped on a fault, which prints dtrace's error message and fires
 * dtrace:::ERROR. exit() takes effect at once: the remaining clauses of
 * the same firing do not run, except for END and ERROR (dtrace_probe).
 *
 * Output text is batched into TextEvents (flushed at 64 KiB, at the end,
 * and when `flushEach` is set for live input). The pending text is kept as
 * code units in the ClauseOutput's buffer: a clause's printf writes there,
 * committing it is moving a mark (no copy, no string per line), and each
 * event's text is one flat string made from the buffer.
 */
import type { EngineEvent } from './events.ts';
import type { EngineOptions, ProgramText } from './api.ts';
import { OPTION_DEFAULTS, optionIsSet, parseSize, validateOption, ERR_BADOPTNAME } from './options.ts';
import type { FiringSink } from './providers.ts';
import { CLAUSE_EXIT, Runtime, Speculation, isFault, scratchSize, FAULT_STRINGS, FLT_BADADDR, FLT_BADALIGN, FLT_BADSTACK, FLT_NOSCRATCH } from '../d/runtime/state.ts';
import { isExhaustion } from './exhaustion.ts';
import { ClauseOutput } from '../d/runtime/output.ts';
import { OUTPUT_OVERFLOW } from '../d/runtime/textbuf.ts';
import { AggStore, aggDropMessage, truncate, type AggVar, type SortOptions } from '../d/runtime/aggregate.ts';
import { AggBridge } from '../d/compile/aggbridge.ts';
import { compilePrograms, type CompileOutcome } from '../d/program.ts';
import type { CompiledClause, CompileEnv } from '../d/compile/compiler.ts';
import { CompileError } from '../d/check/errors.ts';
import { createRegistry, type Probe, type ProbeRegistry } from '../d/types/probes.ts';
import { PROBE_HEADER, probeLine } from '../d/format/trace.ts';
import { aggSnapshot, printUnprinted, printaDefault, printaFormat, type PrintaOptions } from '../d/format/printa.ts';
import type { ParsedFormat } from '../d/format/printf.ts';
import * as I from '../d/runtime/int64.ts';
import type { DDiagnostic } from '../d/diagnostics.ts';
import { loweredMessage, MAX_NSPEC, MAX_SPEC_TOTAL, MIN_CLAUSE_TEXT, SIZE_CAPS } from '../d/limits.ts';

interface Ecb { clause: CompiledClause; epid: number }

const FLUSH_AT = 1 << 16;

export class Session implements FiringSink {
  readonly registry: ProbeRegistry;
  readonly opts = new Map<string, string | undefined>();
  rt!: Runtime;
  readonly out = new ClauseOutput();
  /** -x recfmt=parquet: where a completed clause's printf rows go (src/engine/records). */
  rowSink: ((stmt: number, values: readonly unknown[], probe: string, frame: number, tsNs: number | bigint) => void) | null = null;
  aggs!: AggBridge;
  store!: AggStore;
  compiled: CompileOutcome | undefined;
  /** The programs compile() was given (a parallel run hands them to its workers). */
  programs: readonly ProgramText[] = [];
  /** ECBs per probe id. */
  private ecbs: Ecb[][] = [];
  private headerDone = false;
  private inError = false;
  /** Flush text per firing (live input). */
  flushEach = false;
  errtags = false;
  firings = 0;

  constructor(readonly options: EngineOptions, readonly emitEvent: (e: EngineEvent) => void) {
    this.registry = createRegistry();
    for (const [k, v] of Object.entries(OPTION_DEFAULTS)) this.opts.set(k, v);
  }

  get ctx() { return this.rt.ctx; }

  /** What the compiled program reads, so providers can skip the rest (capture-run.ts asks). */
  uses(what: 'tid' | 'stack'): boolean {
    return what === 'tid' ? this.rt.usesTid : this.rt.usesStack;
  }

  opt(name: string): string | undefined {
    return this.opts.get(name);
  }

  isSet(name: string): boolean {
    return optionIsSet(this.opts.get(name), this.opts.has(name));
  }

  /** Apply -x options; returns an error message line, or undefined. */
  applyXopts(): string | undefined {
    if (this.options.quiet) this.opts.set('quiet', undefined);
    for (const [n, v] of this.options.xopts ?? []) {
      const err = validateOption(n, v);
      if (err) return `failed to set -x ${n}: ${err}`;
      this.opts.set(n, v);
      this.quietCache = undefined;
      if (n === 'errtags') this.errtags = true;
    }
    return undefined;
  }

  // ---------------------------------------------------------------- compile

  /** A size option's value in bytes, lowered to its cap (d/limits.ts). */
  size(name: string, dflt: number): number {
    const v = parseSize(this.opt(name) ?? '') ?? dflt;
    const cap = SIZE_CAPS[name];
    return cap !== undefined && v > cap ? cap : v;
  }

  /** nspec, lowered to MAX_NSPEC (speculation buffers are made up front). */
  nspec(): number {
    return Math.min(Number(this.opt('nspec') ?? 1) || 1, MAX_NSPEC);
  }

  /**
   * What dtrace's go() says about sizes it had to lower ("aggregation size
   * lowered to 256m"): here every size above its documented cap.
   */
  loweredNotes(): string[] {
    const out: string[] = [];
    for (const name of ['bufsize', 'aggsize', 'specsize', 'dynvarsize', 'strsize']) {
      const v = parseSize(this.opt(name) ?? '');
      const cap = SIZE_CAPS[name]!;
      if (v !== undefined && v > cap) out.push(loweredMessage(name, cap));
    }
    if ((Number(this.opt('nspec') ?? 1) || 1) > MAX_NSPEC) out.push(`number of speculations lowered to ${MAX_NSPEC}`);
    return out;
  }

  compile(programs: readonly ProgramText[], preprocess?: (p: ProgramText) => { text: string } | { diagnostic: DDiagnostic }): CompileOutcome {
    const num = (n: string, d: number): number => this.size(n, d);
    this.programs = programs;
    this.rt = new Runtime({ dynvarsize: num('dynvarsize', 1 << 20), strsize: num('strsize', 256), nspec: this.nspec(), specsize: num('specsize', 32768), bufsize: num('bufsize', 4 << 20) });
    this.store = new AggStore(num('aggsize', 4 << 20));
    this.aggs = new AggBridge(this.store, () => num('strsize', 256));
    const env: CompileEnv = {
      registry: this.registry,
      rt: this.rt,
      out: this.out,
      aggs: this.aggs,
      macroArgs: this.options.macroArgs ?? [],
      allowZeroMatch: this.options.allowZeroMatch ?? false,
      destructive: this.options.destructive ?? false,
      opt: (n) => (this.opts.has(n) ? (this.opts.get(n) ?? '') : undefined),
      quiet: () => this.quiet(),
      setopt: (n, v) => this.setoptRuntime(n, v),
      printa: (pf, ids) => this.printa(pf, ids),
      clearAgg: (id, mode, n) => this.clearAgg(id, mode, n),
      checkOption: (n, v) => validateOption(n, v),
      formatContext: { timeZone: this.options.timeZone ?? 'UTC' },
      pragmaOption: (n, v, loc) => {
        const err = validateOption(n, v);
        if (err) throw new CompileError('D_PRAGMA_OPTSET', `failed to set option '${n}': ${err}`, loc);
        this.opts.set(n, v);
        this.quietCache = undefined;
      },
    };
    const res = compilePrograms(programs, env, { macroArgs: this.options.macroArgs ?? [], errtags: this.errtags, preprocess });
    this.compiled = res;
    if (!res.ok) return res;
    // The runtime limits may have changed through #pragma D option.
    this.rt.limits.dynvarsize = num('dynvarsize', 1 << 20);
    this.rt.limits.strsize = num('strsize', 256);
    this.rt.limits.scratchsize = scratchSize(this.opt('scratchsize'));
    this.rt.limits.specsize = num('specsize', 32768);
    this.rt.limits.bufsize = num('bufsize', 4 << 20);
    this.store.limit = num('aggsize', 4 << 20);
    // A clause's text is bounded (its data is dropped beyond); printa of a whole aggregation must fit.
    this.out.buf.limit = Math.max(MIN_CLAUSE_TEXT, 2 * this.store.limit);
    // Speculation buffers are allocated up front; a huge nspec is capped (dtrace would fail to allocate them).
    const nspec = this.nspec();
    while (this.rt.specs.length < nspec) this.rt.specs.push(new Speculation());
    // Enable: EPIDs in program order, one per (clause, probe).
    let epid = 1;
    this.ecbs = [];
    for (const c of res.clauses) {
      c.epids = c.probes.map(() => epid++);
      c.probes.forEach((p, i) => { (this.ecbs[p.id] ??= []).push({ clause: c, epid: c.epids[i]! }); });
    }
    return res;
  }

  enabledProbes(): Probe[] {
    const out: Probe[] = [];
    this.ecbs.forEach((l, id) => { if (l && l.length) out.push(this.registry.byId(id)!); });
    return out;
  }

  // ---------------------------------------------------------------- firing

  enabled(probe: Probe): boolean {
    const l = this.ecbs[probe.id];
    return l !== undefined && l.length > 0;
  }

  stopped(): boolean {
    return this.rt.exiting;
  }

  emit(e: EngineEvent): void {
    if (e.kind !== 'text') this.flushText();
    this.emitEvent(e);
  }

  fire(probe: Probe): void {
    const list = this.ecbs[probe.id];
    if (list === undefined) return;
    const c = this.rt.ctx;
    c.probe = probe;
    // Clause-locals start unset each firing. Clearing the slots in place keeps the array's storage
    // (setting length = 0 is a runtime call and frees it, only for the clause to grow it again).
    const locals = this.rt.locals;
    for (let i = 0; i < locals.length; i++) locals[i] = undefined;
    // strtok's saved position lives in the firing's machine state (dtms_strtok): a new firing starts without one.
    this.rt.strtokState.reset();
    this.firings++;
    // dtrace_probe: once exit() has moved the state out of ACTIVE/WARMUP, only the dtrace provider's
    // probes still run their enablings, and BEGIN's only while in WARMUP ("if one BEGIN enabling has
    // invoked the exit() action, we don't want to evaluate any subsequent BEGIN enablings").
    // (Tested only once exiting: the names are compared by content, a builtin call per firing otherwise.)
    for (let i = 0; i < list.length; i++) {
      const ecb = list[i]!;
      if (this.rt.exiting && (probe.provider !== 'dtrace' || probe.name === 'BEGIN')) break;
      this.runEcb(ecb, probe);
      c.probe = probe;
    }
    if (this.flushEach) this.flushText();
  }

  private runEcb(ecb: Ecb, probe: Probe): void {
    const c = this.rt.ctx;
    const out = this.out;
    const cl = ecb.clause;
    c.epid = ecb.epid;
    this.rt.resetScratch();
    if (out.recorded || out.spec !== null || out.exitStatus !== null || out.rows.length > 0) out.reset();
    // Scratch space (alloca, string copies) lives for one clause.
    this.rt.resetScratch();
    let action = 0;
    let inPred = cl.pred !== null;
    try {
      if (cl.pred !== null && !cl.pred(c)) return;
      inPred = false;
      const body = cl.body;
      for (; action < body.length; action++) body[action]!(c);
    } catch (e) {
      if (e === CLAUSE_EXIT) { out.reset(); return; }
      if (e === OUTPUT_OVERFLOW) { out.reset(); this.rt.bufDrops++; return; }
      out.reset();
      // A clause that exhausts the engine's memory (a string or buffer past what the runtime can
      // hold) has run out of space, as a dtrace clause runs out of scratch: its error, not a crash.
      if (!isFault(e)) {
        if (!isExhaustion(e)) throw e;
        this.reportFault(ecb, probe, action, FLT_NOSCRATCH, 0, inPred);
        return;
      }
      this.reportFault(ecb, probe, action, e.code, e.addr, inPred);
      return;
    }
    // The clause's data must fit its buffer, as a dtrace record must: else it is dropped.
    if (out.overLimit()) { out.reset(); this.rt.bufDrops++; return; }
    // A clause that speculated still writes its EPID record into the speculation (the probe line a
    // commit() prints), even with no data of its own (speculation/tst.SpeculationDefaultCommit.r).
    if (cl.defaultAction || out.spec !== null) out.recorded = true;
    if (out.recorded || out.exitStatus !== null || this.rt.specPending || out.rows.length > 0) this.commitClause(probe);
  }

  /** provider:module:function:name, built once per probe (records name every firing's probe). */
  private readonly probeNames = new Map<Probe, string>();
  private probeName(p: Probe): string {
    let n = this.probeNames.get(p);
    if (n === undefined) { n = `${p.provider}:${p.module}:${p.func}:${p.name}`; this.probeNames.set(p, n); }
    return n;
  }

  private commitClause(probe: Probe): void {
    const out = this.out;
    if (out.rows.length > 0) {
      const sink = this.rowSink, c = this.rt.ctx, name = this.probeName(probe);
      for (const r of out.rows) sink?.(r.stmt, r.values, name, c.frame, c.tsNs);
      out.rows.length = 0;
    }
    if (out.recorded) {
      let prefix = 0; // the probe line's length, put before the clause's text when not quiet
      if (!this.quiet()) {
        let s = '';
        // _DTRACE_TESTING (Linux dtrace's test mode) drops the CPU and ID columns.
        const t = this.options.testing === true;
        if (!this.headerDone) { this.headerDone = true; s += t ? PROBE_HEADER.slice(11) : PROBE_HEADER; }
        const line = probeLine(this.rt.ctx.cpu, probe.id, probe.func, probe.name);
        s += t ? line.slice(11) : line;
        // The probe line goes before the clause's text: rebuild the text (the default, non-quiet layout is not the hot path).
        const body = out.text();
        out.rewind();
        out.buf.str(s);
        out.buf.str(body);
        out.buf.code(10);
        prefix = s.length;
      }
      if (this.options.records) {
        const c = this.rt.ctx;
        this.emitEvent({ kind: 'record', probe: this.probeName(probe), frame: c.frame, tsNs: String(c.tsNs), text: out.text() });
      }
      if (out.spec) {
        const s = out.text();
        // Speculative text leaves the output buffer: it is kept as a string until commit/discard.
        out.rewind();
        const sp = out.spec;
        const limit = this.rt.limits.specsize;
        if (sp.bytes + s.length > limit || this.rt.specTotal + s.length > MAX_SPEC_TOTAL) this.rt.specDrops++;
        else { sp.chunks.push(s); sp.bytes += s.length; this.rt.specTotal += s.length; }
      } else if (out.hostActions.length > 0) {
        this.commitHostActions(prefix);
      } else {
        // The hot path: the clause's text is already in the output buffer; keep it.
        out.commit();
        if (out.start >= FLUSH_AT) this.flushText();
      }
    }
    if (this.rt.specPending) this.settleSpeculations();
    if (out.exitStatus !== null) {
      this.rt.exiting = true;
      this.rt.exitStatus = out.exitStatus;
    }
  }

  /**
   * Emit the clause's text cut at its system()/freopen() records, each record
   * as its event after the text before it (dtrace_system flushes the output
   * before it runs the command). `shift`: the length of the probe line put
   * before the clause's text after its records were taken.
   */
  private commitHostActions(shift: number): void {
    const out = this.out;
    const text = out.text();
    out.rewind();
    this.flushText();
    let prev = 0;
    for (const h of out.hostActions) {
      const at = h.at + shift;
      if (at > prev) this.emitEvent({ kind: 'text', text: text.slice(prev, at) });
      prev = Math.max(prev, at);
      this.emitEvent({ kind: h.kind, arg: h.arg });
    }
    out.hostActions.length = 0;
    out.buf.str(text.slice(prev));
    out.commit();
  }

  private settleSpeculations(): void {
    this.rt.specPending = false;
    const settle = this.rt.specSettle;
    for (let i = 0; i < settle.length; i++) {
      const sp = settle[i]!;
      if (sp.pending === null) continue;
      if (sp.pending === 'commit') for (const ch of sp.chunks) this.write(ch);
      this.rt.specTotal -= sp.bytes;
      sp.chunks.length = 0;
      sp.bytes = 0;
      sp.pending = null;
    }
    settle.length = 0;
  }

  /** The quiet option, cached: it is read per recorded firing and changes only through options. */
  private quietCache: boolean | undefined;
  quiet(): boolean {
    return (this.quietCache ??= this.isSet('quiet'));
  }

  private reportFault(ecb: Ecb, probe: Probe, action: number, code: number, addr: I.DInt, inPred: boolean): void {
    const where = inPred ? 'predicate' : `action #${action + 1}`;
    const details = code === FLT_BADADDR || code === FLT_BADALIGN || code === FLT_BADSTACK ? ` (0x${I.toUnsigned(addr, 8).toString(16)})` : '';
    // There is no DIF here, so the offset is unknown: -1, which dt_handle_err prints as nothing
    // (no " at DIF offset N"), and which ERROR's arg3 carries (as dtrace-utils' tst.DTRACEFLT_*.d expect).
    const offset = -1;
    this.emit({
      kind: 'message', level: 'error',
      text: `error on enabled probe ID ${ecb.epid} (ID ${probe.id}: ${probe.provider}:${probe.module}:${probe.func}:${probe.name}): ${FAULT_STRINGS[code] ?? 'unknown fault'}${details} in ${where}`,
    });
    if (this.inError) return;
    const errProbe = this.registry.lookup('dtrace', '', '', 'ERROR');
    if (!errProbe || !this.enabled(errProbe)) return;
    const c = this.rt.ctx;
    const saved = c.arg.slice();
    c.arg[0] = 0; c.arg[1] = ecb.epid; c.arg[2] = where === 'predicate' ? 0 : action + 1; c.arg[3] = offset; c.arg[4] = code; c.arg[5] = addr;
    const savedArgs = c.args.slice();
    c.args.length = 0;
    c.args.push(0, ecb.epid, c.arg[2], offset, code, addr);
    this.inError = true;
    try {
      const list = this.ecbs[errProbe.id]!;
      for (const e of list) { c.probe = errProbe; this.runEcb(e, errProbe); }
    } finally {
      this.inError = false;
      for (let i = 0; i < saved.length; i++) c.arg[i] = saved[i]!;
      c.args.length = 0;
      for (const a of savedArgs) c.args.push(a);
      c.probe = probe;
    }
  }


  // ---------------------------------------------------------------- aggregations

  sortOpts(): SortOptions {
    const n = (k: string): number | undefined => (this.opts.has(k) ? Number(this.opts.get(k) ?? 0) : undefined);
    return { aggsortkey: this.isSet('aggsortkey'), aggsortrev: this.isSet('aggsortrev'), aggsortkeypos: n('aggsortkeypos'), aggsortpos: n('aggsortpos') };
  }

  /** The options printing reads (sorting, strsize, agghist/aggpack/aggzoom, encoding), as they are now. */
  printOpts(): PrintaOptions {
    const enc = this.opt('encoding');
    return {
      ...this.sortOpts(), strsize: this.rt.limits.strsize, agghist: this.isSet('agghist'), aggpack: this.isSet('aggpack'),
      aggzoom: this.isSet('aggzoom'), encoding: enc === 'utf8' || enc === 'ascii' ? enc : undefined,
    };
  }

  private printa(pf: ParsedFormat | null, ids: number[]): string {
    const vars = this.aggs.vars(ids);
    const o = this.printOpts();
    const ts = String(this.rt.ctx.tsNs);
    this.snapshots(vars, ts, o);
    return pf ? printaFormat(pf, vars, o, { timeZone: this.options.timeZone ?? 'UTC' }) : printaDefault(vars, o);
  }

  private clearAgg(id: number, mode: 'clear' | 'trunc' | 'normalize' | 'denormalize', n: I.DInt): void {
    const v = this.store.vars[id]!;
    switch (mode) {
      case 'clear': v.clear(); break;
      case 'trunc': {
        const k = Number(n);
        if (k === 0) { for (const e of [...v.entries.values()]) v.remove(e); break; }
        truncate(v, k, this.sortOpts());
        break;
      }
      case 'normalize': v.normal = n; break;
      case 'denormalize': v.normal = 1; break;
    }
  }

  /** The UI's structured rows of aggregations being printed (not for a consumer that prints text only: EngineOptions.aggRows). */
  private snapshots(vars: readonly AggVar[], ts: string, o: PrintaOptions): void {
    if (this.options.aggRows === false) return;
    for (const v of vars) this.emitEvent(aggSnapshot(v, ts, o, this.options.aggRowsMax));
  }

  /** Print aggregations not yet printed (at the end of the run, as dtrace does). */
  printRemaining(): void {
    const o = this.printOpts();
    const ts = String(this.rt.ctx.tsNs);
    this.snapshots(this.store.vars.filter((v) => !v.printed && v.entries.size > 0), ts, o);
    // Streamed in chunks: a million-row aggregation is never one string.
    const s = printUnprinted(this.store.vars, o, (chunk) => this.write(chunk));
    if (s) this.write(s);
  }

  // ---------------------------------------------------------------- setopt and drops

  private setoptRuntime(name: string, value: string | undefined): void {
    const err = validateOption(name, value);
    if (err) {
      this.emit({ kind: 'message', level: 'warning', text: `couldn't set option "${name}"${value !== undefined ? ` to "${value}"` : ''}: ${err === ERR_BADOPTNAME ? 'Invalid option name' : err}` });
      return;
    }
    this.opts.set(name, value);
    this.quietCache = undefined;
  }

  reportDrops(): void {
    const rt = this.rt;
    const plural = (n: number): string => (n > 1 ? 's' : '');
    // dt_handle_cpudrop: principal buffer drops first, as dtrace reports them.
    if (rt.bufDrops > 0) this.emit({ kind: 'message', level: 'warning', text: `${rt.bufDrops} drop${plural(rt.bufDrops)} on CPU 0` });
    if (rt.dynDrops > 0) this.emit({ kind: 'message', level: 'warning', text: `${rt.dynDrops} dynamic variable drop${plural(rt.dynDrops)}` });
    const ad = this.store.takeDrops();
    if (ad > 0) this.emit({ kind: 'message', level: 'warning', text: aggDropMessage(ad) });
    if (rt.specDrops > 0) this.emit({ kind: 'message', level: 'warning', text: `${rt.specDrops} speculative drop${plural(rt.specDrops)}` });
    if (rt.specUnavail > 0) this.emit({ kind: 'message', level: 'warning', text: `${rt.specUnavail} failed speculation${plural(rt.specUnavail)} (no speculative buffer available)` });
    rt.dynDrops = 0; rt.specDrops = 0; rt.specUnavail = 0; rt.bufDrops = 0;
  }

  // ---------------------------------------------------------------- text

  write(s: string): void {
    const out = this.out;
    if (out.buf.pos === out.start && s.length >= FLUSH_AT) {
      // Outside a clause (END's aggregations): a large text goes out as it is, not through the buffer.
      this.flushText();
      this.emitEvent({ kind: 'text', text: s });
      return;
    }
    if (out.buf.pos !== out.start) {
      // A clause is running (its text is after the mark): put `s` before that text.
      const tail = out.text();
      out.rewind();
      out.buf.str(s);
      out.commit();
      out.buf.str(tail);
    } else {
      out.buf.str(s);
      out.commit();
    }
    if (out.start >= FLUSH_AT) this.flushText();
  }

  flushText(): void {
    if (this.out.start === 0) return;
    const t = this.out.takeCommitted();
    this.emitEvent({ kind: 'text', text: t });
  }
}
