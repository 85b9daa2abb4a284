/**
 * Which programs may run on several workers, decided from the compiled
 * program's source (the compiler's verdict, printed under -v).
 *
 * The model is dtrace's per-CPU one made real: frames are spread over
 * workers by a flow hash (flowhash.ts), each worker runs the packet clauses
 * on its frames with its own variables and aggregation buffers, and the
 * coordinator runs BEGIN, END and the tick/profile clauses with the merged
 * aggregations. Output is byte-identical to one thread exactly when nothing
 * a packet clause does depends on frames another worker holds. So a program
 * runs in parallel when its packet-side clauses (network probes, and ERROR,
 * which fires where the fault happened):
 *
 *  - aggregate (mergeable: aggregate-merge.ts), print (records carry their
 *    frame and are put back in capture order), use clause-locals (this->)
 *    and thread-locals (self->: a thread is one connection end, and both
 *    ends of a connection hash to one worker);
 *  - read globals that only BEGIN (or END) writes: the coordinator runs
 *    BEGIN and hands its variables to the workers;
 *  - write global associative arrays only under a key that names the flow
 *    of the firing (`tid` or `args[N]->cs_cid` as one of the keys), so every
 *    entry lives where its flow lives — and nothing else reads them.
 *
 * and falls back to one worker, saying why, when one of them:
 *
 *  - writes a global scalar, or a global array under another key (ipio.d's
 *    `last = timestamp`, ip_tunnels.d's `seen[if_name]`): its value depends
 *    on frames of other flows;
 *  - reads a global a tick clause writes (ip_rates.d's counters);
 *  - reads `tid` or `cs_cid` as a value: connection ids are numbered in the
 *    order flows are first seen, which differs per worker;
 *  - calls exit() (the run must stop at that frame in capture order),
 *    printa()/clear()/trunc()/normalize()/denormalize()/setopt()/ftruncate()
 *    (consumer actions needing every worker's state at that frame),
 *    speculation functions (one pool of speculation buffers), rand() (one
 *    sequence), or stores through a pointer;
 *  - enables ipv4/ipv6 `write` probes: the provider pairs an ESP packet on
 *    the NIC with the tunnel packet sent just before it, on another flow.
 *
 * Tick/profile clauses run on the coordinator; one that reads aggregation
 * state (printa, clear, trunc, normalize, denormalize) or may call exit()
 * is a synchronisation point: the workers' aggregations up to that moment
 * of capture time are merged before it fires. setopt() outside BEGIN falls
 * back (the workers format with the options as BEGIN left them).
 *
 * `cpu` is the worker's index (unless the capture names the queue), as
 * dtrace's is the CPU that fired; a program that shows it (reads `cpu`, or
 * prints non-quiet firing lines with their CPU column) runs in parallel and
 * the note says that those values name the worker.
 */
import type * as A from '../../d/ast.ts';
import type { CompileOutcome } from '../../d/program.ts';
import type { Probe } from '../../d/types/probes.ts';
import { BUILTIN_VARS } from '../../d/check/builtins.ts';

export interface ParallelPlan {
  /** The program may run on several workers. */
  parallel: boolean;
  /** Why it may not: one line each, `file:line: what`. */
  reasons: string[];
  /** A program that shows `cpu` (the worker index) or non-quiet firing lines. */
  cpuVisible: boolean;
  /** Tick/profile probe ids whose clauses need the merged aggregations (or may exit) when they fire. */
  syncProbes: Set<number>;
  /** Whether any tick/profile clause or BEGIN aggregates or reads aggregations (partials cannot hold that: see partialReasons). */
  coordinatorAggregates: boolean;
}

const NET_PROVIDERS = new Set(['ip', 'tcp', 'udp', 'ipv4', 'ipv6']);
/** Consumer-side actions on aggregations. */
const AGG_ACTIONS = new Set(['printa', 'clear', 'trunc', 'normalize', 'denormalize']);
const SPECULATION = new Set(['speculation', 'speculate', 'commit', 'discard']);
/** Actions that record data: in non-quiet mode each recording clause prints a firing line with its CPU. */
const RECORDING = new Set(['trace', 'printf', 'printm', 'tracemem', 'stack', 'ustack', 'jstack', 'print']);

interface Sides { worker: boolean; coord: boolean; begin: boolean; end: boolean; tick: boolean }

interface ArrayAccess { write: boolean; flowKeyed: boolean; sides: Sides; where: string }

/** Walks one program's clauses, collecting what the rules above look at. */
class Facts {
  readonly reasons: string[] = [];
  cpuVisible = false;
  /** Global scalars: where written, where read. */
  readonly scalarWrites = new Map<string, { sides: Sides; where: string }[]>();
  readonly scalarReads = new Map<string, { sides: Sides; where: string }[]>();
  readonly arrays = new Map<string, ArrayAccess[]>();
  readonly syncProbes = new Set<number>();
  coordinatorAggregates = false;
  private sides!: Sides;
  private where = '';
  private probeName = '';
  private clauseSyncs = false;
  private inlineDepth = 0;

  constructor(private readonly outcome: CompileOutcome) {}

  private get syms() { return this.outcome.compiler.syms; }

  private isGlobal(name: string): 'scalar' | 'array' | null {
    if (BUILTIN_VARS.has(name)) return null;
    const v = this.syms.globals.get(name);
    return v === undefined ? null : v.kind;
  }

  private fail(what: string): void {
    if (this.sides.worker) this.reasons.push(`${this.where}: ${what} in ${this.probeName}`);
  }

  clause(cl: A.Clause, probes: readonly Probe[]): void {
    const sides: Sides = { worker: false, coord: false, begin: false, end: false, tick: false };
    for (const p of probes) {
      if (p.provider === 'dtrace') {
        if (p.name === 'BEGIN') sides.begin = sides.coord = true;
        else if (p.name === 'END') sides.end = sides.coord = true;
        else sides.worker = sides.coord = true; // ERROR: fires wherever the fault happened
      } else if (p.intervalNs !== undefined) {
        sides.tick = sides.coord = true;
      } else {
        sides.worker = true;
        if (NET_PROVIDERS.has(p.provider) && (p.name === 'write') && (p.provider === 'ipv4' || p.provider === 'ipv6')) {
          this.reasons.push(`${loc(cl.loc)}: ${p.provider}:::write pairs an ESP packet with the tunnel packet sent just before it on another flow`);
        }
      }
    }
    this.sides = sides;
    this.where = loc(cl.loc);
    this.probeName = cl.probes.map((d) => d.text).join(', ');
    this.clauseSyncs = false;
    if (cl.predicate) this.expr(cl.predicate);
    // No statements: the default action records the probe line.
    if ((cl.body === null || cl.body.length === 0) && sides.worker && !this.quiet()) this.cpuVisible = true;
    for (const s of cl.body ?? []) this.stmt(s);
    if (this.clauseSyncs && sides.tick) for (const p of probes) if (p.intervalNs !== undefined) this.syncProbes.add(p.id);
  }

  private quiet(): boolean {
    return this.outcome.compiler.env.quiet();
  }

  private stmt(s: A.Statement): void {
    switch (s.kind) {
      case 'ExprStatement': this.expr(s.expr); break;
      case 'If': this.expr(s.test); this.stmt(s.then); if (s.else) this.stmt(s.else); break;
      case 'Block': for (const b of s.body) this.stmt(b); break;
    }
  }

  /** A key tuple names the firing's flow when one of its keys is `tid` or `args[N]->cs_cid`. */
  private flowKeyed(keys: readonly A.Expr[]): boolean {
    return keys.some((k) => isFlowKey(k));
  }

  private arrayAccess(name: string, keys: readonly A.Expr[], write: boolean): void {
    let l = this.arrays.get(name);
    if (!l) this.arrays.set(name, l = []);
    l.push({ write, flowKeyed: this.flowKeyed(keys), sides: this.sides, where: this.where });
    // Keys are read; a flow key used as a key is not a value that leaves the worker.
    for (const k of keys) if (!isFlowKey(k)) this.expr(k);
  }

  private scalar(name: string, write: boolean): void {
    const m = write ? this.scalarWrites : this.scalarReads;
    let l = m.get(name);
    if (!l) m.set(name, l = []);
    l.push({ sides: this.sides, where: this.where });
  }

  /** An assignment target (also read when compound or ++/--). */
  private target(t: A.Expr, alsoRead: boolean): void {
    switch (t.kind) {
      case 'Ident': {
        const g = this.isGlobal(t.name);
        if (g !== null) { this.scalar(t.name, true); if (alsoRead) this.scalar(t.name, false); }
        return;
      }
      case 'ScopedVar': return;
      case 'Agg': this.expr(t); return; // `@a[k] = count()`: aggregating, mergeable
      case 'Index': {
        const o = t.object;
        if (o.kind === 'Ident' && this.isGlobal(o.name) === 'array') { this.arrayAccess(o.name, t.index, true); return; }
        if (o.kind === 'Ident' && this.isGlobal(o.name) === 'scalar') {
          // A global of array type (`int a[4]`): its storage is one global.
          this.scalar(o.name, true);
          for (const k of t.index) this.expr(k);
          return;
        }
        if (o.kind === 'ScopedVar') { for (const k of t.index) this.expr(k); return; }
        break;
      }
      case 'Member': {
        if (t.op === '.') {
          // Assigning a member of a struct variable writes that variable.
          let o: A.Expr = t.object;
          while (o.kind === 'Member' && o.op === '.') o = o.object;
          if (o.kind === 'Ident' && this.isGlobal(o.name) !== null) { this.scalar(o.name, true); return; }
          if (o.kind === 'ScopedVar') return;
          if (o.kind === 'Index') { this.target(o, true); return; }
        }
        break;
      }
      default: break;
    }
    // `*p = v`, `p->m = v`: memory reached through a pointer.
    this.fail('a store through a pointer');
    this.expr(t);
  }

  private expr(e: A.Expr): void {
    switch (e.kind) {
      case 'Ident': {
        if (e.name === 'cpu') { if (this.sides.worker) this.cpuVisible = true; return; }
        if (e.name === 'tid') { this.fail('tid (connection ids are numbered per worker)'); return; }
        const g = this.isGlobal(e.name);
        if (g === 'scalar') this.scalar(e.name, false);
        else if (g === 'array') this.arrayAccess(e.name, [], false);
        else {
          const c = this.syms.consts.get(e.name);
          if (c?.kind === 'inline' && this.inlineDepth < 16) { this.inlineDepth++; this.expr(c.expr); this.inlineDepth--; }
        }
        return;
      }
      case 'IntLit': case 'FloatLit': case 'StringLit': case 'MacroArg': case 'Offsetof': return;
      case 'Agg':
        if (this.sides.begin || this.sides.tick) this.coordinatorAggregates = true;
        for (const k of e.keys ?? []) this.expr(k);
        return;
      case 'ScopedVar': return;
      case 'Unary': this.expr(e.operand); return;
      case 'Update': this.target(e.operand, true); return;
      case 'Binary': this.expr(e.left); this.expr(e.right); return;
      case 'Assign': this.target(e.target, e.op !== '='); this.expr(e.value); return;
      case 'Conditional': this.expr(e.test); this.expr(e.then); this.expr(e.else); return;
      case 'Comma': this.expr(e.left); this.expr(e.right); return;
      case 'Cast': case 'Stringof': case 'Xlate': this.expr(e.operand); return;
      case 'Sizeof': if (e.operand) this.expr(e.operand); return;
      case 'Index': {
        const o = e.object;
        if (o.kind === 'Ident' && this.isGlobal(o.name) === 'array') { this.arrayAccess(o.name, e.index, false); return; }
        this.expr(o);
        for (const k of e.index) this.expr(k);
        return;
      }
      case 'Member':
        if (e.member === 'cs_cid' && e.op === '->') { this.fail('cs_cid (connection ids are numbered per worker)'); }
        this.expr(e.object);
        return;
      case 'Call': {
        const name = e.callee.kind === 'Ident' ? e.callee.name : '';
        this.call(name);
        if (e.callee.kind !== 'Ident') this.expr(e.callee);
        for (const a of e.args) this.expr(a);
        return;
      }
    }
  }

  private call(name: string): void {
    const s = this.sides;
    if (name === 'exit') {
      this.fail('exit() (the run must stop at that frame, in capture order)');
      if (s.tick) this.clauseSyncs = true;
    } else if (AGG_ACTIONS.has(name)) {
      this.fail(`${name}() (it needs every worker's aggregations at that frame)`);
      if (s.tick) this.clauseSyncs = true;
      if (s.begin || s.tick) this.coordinatorAggregates = true;
    } else if (RECORDING.has(name)) {
      if (s.worker && !this.quiet()) this.cpuVisible = true;
    } else if (name === 'setopt') {
      if (s.worker || s.tick) this.reasons.push(`${this.where}: setopt() in ${this.probeName} (workers format with the options BEGIN left)`);
    } else if (name === 'ftruncate' || name === 'freopen') {
      this.fail(`${name}() (it acts on the output at that frame)`);
    } else if (SPECULATION.has(name)) {
      this.fail(`${name}() (speculation buffers are one pool)`);
    } else if (name === 'rand') {
      this.fail('rand() (one random sequence, drawn in capture order)');
    }
  }

  finish(): void {
    for (const [name, writes] of this.scalarWrites) {
      const w = writes.find((x) => x.sides.worker);
      if (w) { this.reasons.push(`${w.where}: the global ${name} is written by a packet clause (its value would depend on other workers' frames)`); continue; }
      const t = writes.find((x) => x.sides.tick);
      const r = (this.scalarReads.get(name) ?? []).find((x) => x.sides.worker);
      if (t && r) this.reasons.push(`${r.where}: the global ${name} is read by a packet clause and written by a tick clause (${t.where})`);
    }
    for (const [name, acc] of this.arrays) {
      const workerWrite = acc.find((a) => a.write && a.sides.worker);
      if (workerWrite) {
        const bad = acc.find((a) => !a.flowKeyed || a.sides.coord);
        if (bad) {
          this.reasons.push(bad.sides.coord && !bad.sides.worker
            ? `${bad.where}: the global array ${name}[] is written by packet clauses and read here, on the coordinator`
            : `${bad.where}: the global array ${name}[] is written by a packet clause under a key that does not name the flow (tid or cs_cid), so it is shared across flows`);
        }
        continue;
      }
      const t = acc.find((a) => a.write && a.sides.tick);
      const r = acc.find((a) => !a.write && a.sides.worker);
      if (t && r) this.reasons.push(`${r.where}: the global array ${name}[] is read by a packet clause and written by a tick clause (${t.where})`);
    }
  }
}

function loc(s: A.Span): string {
  return `${s.file}:${s.line}`;
}

/** `tid`, or `args[N]->cs_cid` (csinfo_t's connection id): both name the firing's flow. */
function isFlowKey(k: A.Expr): boolean {
  if (k.kind === 'Ident' && k.name === 'tid') return true;
  if (k.kind === 'Member' && k.op === '->' && k.member === 'cs_cid') {
    const o = k.object;
    return o.kind === 'Index' && o.object.kind === 'Ident' && o.object.name === 'args' && o.index.length === 1 && o.index[0]!.kind === 'IntLit';
  }
  return false;
}

/** The verdict for a compiled program (outcome.ok, with its ASTs). */
export function planParallel(outcome: CompileOutcome): ParallelPlan {
  const facts = new Facts(outcome);
  const byDesc = new Map<A.ProbeDesc, Probe[]>();
  for (const c of outcome.clauses) byDesc.set(c.desc, [...(byDesc.get(c.desc) ?? []), ...c.probes]);
  for (const prog of outcome.asts ?? []) {
    for (const item of prog.items) {
      if (item.kind !== 'Clause') continue;
      const probes = item.probes.flatMap((d) => byDesc.get(d) ?? []);
      facts.clause(item, probes);
    }
  }
  if (outcome.asts === undefined) facts.reasons.push('the program source is not available to decide');
  facts.finish();
  const reasons = [...new Set(facts.reasons)];
  return { parallel: reasons.length === 0, reasons, cpuVisible: facts.cpuVisible, syncProbes: facts.syncProbes, coordinatorAggregates: facts.coordinatorAggregates };
}

/**
 * Why a program's aggregations cannot be written as partials (-x aggpartial)
 * that --merge combines into what one run over every capture prints: the
 * parallel rules (a partial is a worker whose frames are one capture), and
 * BEGIN or tick clauses that aggregate or act on aggregations (each partial
 * would count them once more, or hold only what followed the last clear).
 */
export function partialReasons(plan: ParallelPlan): string[] {
  const r = [...plan.reasons];
  if (plan.coordinatorAggregates) r.push('BEGIN or a tick/profile clause aggregates or acts on aggregations: a partial holds only the packet clauses\' aggregations');
  return r;
}
