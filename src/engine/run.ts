/**
 * One run: RunRequest → EngineEvents → exit status (dtrace(1)'s main loop).
 *
 *  1. Options (-x, -q), then compile every program in order; a compile
 *     error is dtrace's one-line message and status 1. With -e, stop here.
 *  2. "script 'x.d' matched N probes" per program (not when quiet).
 *  3. BEGIN fires. Without captures, tick-N/profile-N probes fire on a
 *     virtual clock that runs free until exit() or VTIME_LIMIT_NS of virtual
 *     time (dtrace would run until ^C; reaching the limit acts like ^C and
 *     says so on stderr). With captures, the capture driver (issue 4) fires
 *     the packet providers; the end of the captures acts like ^C.
 *  4. END fires, unprinted aggregations are printed (dtrace.c's final
 *     dtrace_aggregate_print), drops are reported, and the status is the
 *     value given to exit(), else 0. An interrupt (RunRequest.signal: Ctrl-C,
 *     the app's Stop) ends step 3 at once, whatever it waits on, and first
 *     prints the newline dtrace prints on Ctrl-C (dtrace.c's g_newline).
 *
 * The virtual clock starts at VCLOCK_START_NS ("time since boot", kept
 * below 2^53 so timestamps stay plain numbers); walltimestamp is the real
 * time at the start plus the virtual time elapsed.
 */
import type { EngineOptions, RunRequest, ProgramText } from './api.ts';
import { preprocess } from '../d/preprocess.ts';
import type { EngineEvent } from './events.ts';
import { Session } from './session.ts';
import { captureDriver } from './providers.ts';
import { parseSize } from './options.ts';
// The packet path registers the network providers and the capture driver on import.
import './capture-run.ts';
import type { Probe } from '../d/types/probes.ts';
import type { DDiagnostic } from '../d/diagnostics.ts';
import { emitPartial, mergePartials, partialRefusal } from './partial/partial-run.ts';
import { RecordFile } from './records/recfile.ts';
import { WIRETRACE_VERSION } from '../version.ts';
import { yieldTask } from './capture-run.ts';

/** How long the free-running virtual clock may run without exit(): one hour of virtual time. */
export const VTIME_LIMIT_NS = 3600e9;
/** A cap on virtual-clock firings, so tick-1ns without exit() ends too (about 10 s of work). */
export const VFIRING_LIMIT = 200_000_000;
/** Virtual-clock firings between two yields to the event loop (so an interrupt is seen). */
const VCLOCK_BATCH = 1 << 16;
export const VCLOCK_START_NS = 1_000_000_000_000;

export interface RunHooks {
  /** -C: run the preprocessor (the CLI supplies one reading -I paths). */
  preprocess?: (p: ProgramText) => { text: string } | { diagnostic: DDiagnostic };
  /** Real time of the start in ns since the epoch (tests pass a fixed value). */
  wallStartNs?: bigint;
  /** A monotonic clock in ns, read by walltimestamp without captures (default: performance.now; none when wallStartNs is given). */
  clockNs?: () => bigint;
}

function monotonicNs(): bigint {
  return BigInt(Math.round(performance.now() * 1e6));
}

/**
 * walltimestamp without captures: the start's wall time, plus the virtual time
 * elapsed, plus the real time elapsed since the run began; strictly increasing
 * from read to read (a coarse clock still advances by 1 ns per read).
 */
export function advancingWallClock(c: { tsNs: number | bigint; wallDeltaNs: bigint }, clock: () => bigint): () => bigint {
  const t0 = clock();
  let last = -1n;
  return () => {
    let v = BigInt(c.tsNs) + c.wallDeltaNs + (clock() - t0);
    if (v <= last) v = last + 1n;
    last = v;
    return v;
  };
}

export async function run(req: RunRequest, hooks: RunHooks = {}): Promise<number> {
  const emit = (e: EngineEvent): void => req.onEvent(e);
  // --merge discards BEGIN's output (the partial runs printed it).
  let mute = false;
  const s = new Session(req.options, (e) => { if (!mute || e.kind !== 'text') emit(e); });
  // A run that ends early (a capture error, exit()) still closes its records file.
  let closeRecords = (): void => undefined;
  const finish = (status: number): number => { closeRecords(); s.flushText(); emit({ kind: 'exit', status }); return status; };
  const xerr = s.applyXopts();
  if (xerr) { emit({ kind: 'message', level: 'error', text: xerr }); return finish(1); }
  const res = s.compile(req.programs, hooks.preprocess ?? (req.options.cpp ? engineCpp(req.options) : undefined));
  if (!res.ok) {
    const d = res.diagnostic!;
    // The preprocessor's own messages (cpp style) come first, as dtrace's cpp prints them.
    if (d.preface) emit({ kind: 'message', level: 'error', text: d.preface, raw: true });
    emit({ kind: 'message', level: 'error', text: res.message!, tag: d.tag, line: d.line, file: res.failed!.name });
    return finish(1);
  }
  if (req.options.compileOnly) return finish(0);
  if (!s.quiet()) {
    req.programs.forEach((p, i) => {
      const n = res.matches[i] ?? 0;
      emit({ kind: 'message', level: 'info', text: `${p.kind === 'file' ? 'script' : 'description'} '${reportName(p)}' matched ${n} probe${n === 1 ? '' : 's'}` });
    });
  }
  // dtrace.c: nothing to trace is fatal unless -Z (zdefs) allows it.
  if (res.matches.reduce((a, b) => a + b, 0) === 0 && !req.options.allowZeroMatch && !s.isSet('zdefs')) {
    emit({ kind: 'message', level: 'error', text: 'no probes matched' });
    return finish(1);
  }
  // dtrace_state_buffers: a principal buffer smaller than one record (the 4-byte EPID every
  // enabled probe writes) cannot be allocated: E2BIG, "Enabling exceeds size of buffer".
  const bufsize = parseSize(s.opt('bufsize') ?? '4m');
  if (bufsize !== undefined && bufsize < 4) {
    emit({ kind: 'message', level: 'error', text: 'could not enable tracing: Enabling exceeds size of buffer' });
    return finish(1);
  }
  // -w, or the destructive option (-x or #pragma D option), allows destructive actions.
  const allowed = req.options.destructive === true || s.isSet('destructive');
  const destructive = res.compiler.destructive;
  if (destructive.length > 0) {
    // dtrace: "could not enable tracing: Destructive actions not allowed" (EDT_DESTRUCTIVE) without -w.
    // Allowed, a consumer that runs commands (the CLI) performs system() and freopen(); the others
    // act on a live kernel or process, which a capture does not have.
    const unsupported = destructive.find((n) => !(req.options.hostActions === true && (n === 'system' || n === 'freopen')));
    if (!allowed || unsupported !== undefined) {
      emit({
        kind: 'message', level: 'error',
        text: allowed
          ? `could not enable tracing: destructive action ${unsupported}( ) is not supported: wiretrace traces captures, not a live system`
          : 'could not enable tracing: Destructive actions not allowed',
      });
      return finish(1);
    }
  }
  if (allowed && !s.quiet()) emit({ kind: 'message', level: 'info', text: 'allowing destructive actions' });
  // dtrace.c go(): sizes the kernel could not allocate were lowered; here, sizes above our caps.
  for (const text of s.loweredNotes()) emit({ kind: 'message', level: 'warning', text });
  const merging = req.partials !== undefined;
  const partial = s.isSet('aggpartial');
  if (merging || partial) {
    const why = partial && req.options.parquetFiles !== true ? '-x aggpartial writes a Parquet file, which only the wiretrace command does (-o FILE)' : partialRefusal(s, merging ? '--merge' : '-x aggpartial');
    if (why) { emit({ kind: 'message', level: 'error', text: why }); return finish(1); }
  }
  // -x recfmt=parquet: printf firings become rows of a Parquet file (records/recfile.ts).
  let records: RecordFile | null = null;
  if (s.opt('recfmt') === 'parquet') {
    const why = recordsRefusal(s, merging, partial, req.options);
    if (why) { emit({ kind: 'message', level: 'error', text: why }); return finish(1); }
    let first = true;
    records = new RecordFile(res.compiler.printfStmts, WIRETRACE_VERSION, (bytes) => { emit({ kind: 'records', bytes, first, last: false }); first = false; });
    const rf = records;
    s.rowSink = (stmt, values, probe, frame, tsNs) => rf.add(stmt, values, probe, frame, tsNs);
  }
  closeRecords = (): void => {
    if (records === null) return;
    s.flushText();
    records.finish();
    emit({ kind: 'records', bytes: new Uint8Array(0), first: false, last: true });
    records = null;
  };
  const c = s.ctx;
  const wall0 = hooks.wallStartNs ?? BigInt(Date.now()) * 1_000_000n;
  c.wallDeltaNs = wall0 - BigInt(VCLOCK_START_NS);
  const setTime = (ns: number): void => {
    c.tsNs = ns;
    c.vtsNs = ns - VCLOCK_START_NS;
  };
  setTime(VCLOCK_START_NS);
  // Without captures, walltimestamp reads the clock as dtrace's does (dtrace_gethrestime at every
  // read, so reads in one firing advance), offset by the virtual time elapsed.
  if (req.captures.length === 0) {
    const clock = hooks.clockNs ?? (hooks.wallStartNs === undefined ? monotonicNs : undefined);
    if (clock) c.wallNow = advancingWallClock(c, clock);
  }
  const reg = s.registry;
  const begin = reg.lookup('dtrace', '', '', 'BEGIN')!;
  const end = reg.lookup('dtrace', '', '', 'END')!;
  let begun = false;
  const fireBegin = (): void => {
    if (begun) return;
    begun = true;
    clearArgs(s);
    asConsumer(s, req.options);
    s.fire(begin);
  };
  // With captures, the driver fires BEGIN at the capture's start (so walltimestamp is the capture's).
  if (req.captures.length === 0) {
    mute = merging;
    fireBegin();
    s.flushText();
    mute = false;
  }

  const mergedCaptures: { name: string; size: number | null }[] = [];
  if (merging) {
    const err = await mergePartials(s, req, mergedCaptures);
    if (err) { emit({ kind: 'message', level: 'error', text: err }); return finish(1); }
  } else if (!s.stopped()) {
    if (req.captures.length > 0) {
      const drv = captureDriver();
      if (!drv) {
        emit({ kind: 'message', level: 'error', text: 'reading captures is not available in this build' });
        return finish(1);
      }
      const st = await drv.run(req.captures, s, req.options, req.signal, { begin: fireBegin });
      if (st !== undefined) return finish(st);
      fireBegin(); // a capture without packets
    } else {
      await runVirtualClock(s, setTime, req.signal);
    }
  }
  // dtrace.c: the interrupt handler sets g_newline, and the main loop prints "\n" (even when quiet)
  // before it stops tracing, so END's output follows a blank line.
  if (req.signal?.aborted === true && !s.stopped()) s.write('\n');
  if (partial) {
    // The merge fires END; this run hands over its aggregations instead (partial-run.ts).
    emitPartial(s, req, mergedCaptures);
    s.reportDrops();
    return finish(s.rt.exiting ? s.rt.exitStatus : 0);
  }
  clearArgs(s);
  asConsumer(s, req.options);
  s.fire(end);
  closeRecords();
  // dtrace.c: oprintf("\n") once tracing stops, then dtrace_aggregate_print().
  s.write('\n');
  s.printRemaining();
  s.reportDrops();
  return finish(s.rt.exiting ? s.rt.exitStatus : 0);
}

/** Why -x recfmt=parquet cannot write this run's printf rows, or undefined. */
function recordsRefusal(s: Session, merging: boolean, partial: boolean, options: EngineOptions): string | undefined {
  if (options.parquetFiles !== true) return '-x recfmt=parquet writes a Parquet file, which only the wiretrace command does (-o FILE)';
  if (merging || partial) return '-x recfmt=parquet writes printf rows of a run over captures; it does not combine with -x aggpartial or --merge';
  // A speculation's text is kept until commit() or discard(): rows would have to wait with it.
  if (s.compiled?.compiler.speculates === true) return '-x recfmt=parquet: a program with speculations cannot write its printf rows (speculate() keeps text for commit())';
  return undefined;
}

/** The name dtrace reports a program by: a -n description is cropped at its first `{`, `/` or `;` (dtrace.c compile_str). */
export function reportName(p: ProgramText): string {
  if (p.kind === 'file') return p.name;
  const i = p.name.search(/[{/;]/);
  return i < 0 ? p.name : p.name.slice(0, i);
}

/** -C with the engine's preprocessor; include files come from options.readInclude (the CLI reads the file system). */
function engineCpp(o: EngineOptions): (p: ProgramText) => { text: string } | { diagnostic: DDiagnostic } {
  // -D, -U and -I are the options define, undef and incdir (dt_opt_cpp_opts): -x can give them too.
  const xs = o.xopts ?? [];
  const defines: [string, string | undefined][] = [...(o.defines ?? [])];
  const undefs = [...(o.undefs ?? [])];
  const includeDirs = [...(o.includeDirs ?? [])];
  for (const [n, v] of xs) {
    if (v === undefined) continue;
    if (n === 'define') { const eq = v.indexOf('='); defines.push(eq < 0 ? [v, undefined] : [v.slice(0, eq), v.slice(eq + 1)]); }
    if (n === 'undef') undefs.push(v);
    if (n === 'incdir') includeDirs.push(v);
  }
  // stdc=s runs cpp -traditional-cpp, which does not define __STDC__.
  if (xs.filter(([n]) => n === 'stdc').pop()?.[1] === 's') undefs.push('__STDC__');
  return (p) => {
    const r = preprocess(p.text, { program: p.name, defines, undefs, includeDirs, readInclude: o.readInclude });
    const err = r.diagnostics.find((d) => d.severity === 'error');
    return err ? { diagnostic: err } : { text: r.text };
  };
}

/** BEGIN and END fire in the consumer's own process (dtrace's), not in a packet's. */
function asConsumer(s: Session, o: EngineOptions): void {
  s.ctx.pid = o.consumer?.pid ?? 0;
  s.ctx.execname = o.consumer?.execname ?? 'dtrace';
}

function clearArgs(s: Session): void {
  const c = s.ctx;
  for (let i = 0; i < c.arg.length; i++) c.arg[i] = 0;
  c.args.length = 0;
}

/** Fire the enabled tick/profile probes in virtual-time order until exit(), the limits, or abort. */
async function runVirtualClock(s: Session, setTime: (ns: number) => void, signal?: AbortSignal): Promise<void> {
  const timers: Probe[] = s.enabledProbes().filter((p) => p.intervalNs !== undefined);
  if (timers.length === 0) return;
  const next = timers.map((p) => VCLOCK_START_NS + p.intervalNs!);
  const limit = VCLOCK_START_NS + VTIME_LIMIT_NS;
  const c = s.ctx;
  let fired = 0;
  const n = timers.length;
  for (;;) {
    if (signal?.aborted === true) return;
    let k = 0;
    if (n > 1) for (let i = 1; i < n; i++) if (next[i]! < next[k]!) k = i;
    const t = next[k]!;
    if (t > limit || fired >= VFIRING_LIMIT) {
      s.emit({
        kind: 'message', level: 'warning',
        text: fired >= VFIRING_LIMIT
          ? `no capture: stopped after ${VFIRING_LIMIT} virtual-clock firings without exit()`
          : `no capture: stopped after ${VTIME_LIMIT_NS / 3600e9} hour of virtual time without exit()`,
      });
      return;
    }
    const p = timers[k]!;
    setTime(t);
    next[k] = t + p.intervalNs!;
    c.arg[0] = 0; c.arg[1] = 0;
    s.fire(p);
    fired++;
    if (s.stopped()) return;
    if (signal && fired % VCLOCK_BATCH === 0) {
      await yieldTask();
      if (signal.aborted) return;
    }
  }
}
