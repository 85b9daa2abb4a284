/**
 * The D checker and closure compiler, one walk per clause.
 *
 * Passes and invariants:
 *  1. Declarations, inlines and pragmas are processed in source order, as
 *     dtrace does (a clause sees only what is declared above it).
 *  2. Each clause is compiled once per probe description (dt_compile_clause
 *     cooks the clause per description, with that description's probes as
 *     the context for args[]): actions first, then the predicate; if the
 *     actions fail on an undefined identifier the predicate goes first and the
 *     actions are retried (dt_cook_clause's five paths).
 *  3. expr() type-checks a node with dt_parser.c's rules and messages and
 *     returns its type with a closure specialised for that type. The first
 *     error throws (dtrace stops a compile at its first error).
 *
 * Value representation: integers are canonical DInt (number when safe, else
 * bigint) already wrapped to their static type; strings are JS strings;
 * pointers into memory are numbers (addresses); pointers to translated
 * provider structs are the provider's objects (or null); struct-typed memory
 * expressions evaluate to their address.
 *
 * Integer-only closures allocate nothing: 32-bit operations use |0 / >>>0 /
 * Math.imul, 64-bit ones int64.ts (doubles when exact, BigInt otherwise).
 */
import type * as A from '../ast.ts';
import * as I from '../runtime/int64.ts';
import type { DInt, IntSize } from '../runtime/int64.ts';
import type { FireCtx } from '../runtime/context.ts';
import { fault, NULL_STR, FLT_BADADDR, FLT_DIVZERO, FLT_ILLOP, type Runtime } from '../runtime/state.ts';
import type { ClauseOutput } from '../runtime/output.ts';
import { CompileError, fail } from '../check/errors.ts';
import { Symbols, type VarSym } from '../check/symbols.ts';
import { BUILTIN_FUNCS, BUILTIN_VARS, KERNEL_VARS, parseProto } from '../check/builtins.ts';
import { DeclBuilder } from '../check/decl.ts';
import { AGG_TYPE, STACK_TYPE, SYMADDR_TYPE, USYMADDR_TYPE, typeDesc } from '../check/typedesc.ts';
import { TypeScope } from '../types/scope.ts';
import { BUILTIN_CONSTANTS, BUILTIN_INLINE_ARRAYS, MEMBER_ALIASES, TRANSLATED, builtinTypes } from '../types/builtins.ts';
import { findMember } from '../types/layout.ts';
import type { Probe, ProbeRegistry } from '../types/probes.ts';
import {
  T_CHAR, T_INT, T_LONG, T_STRING, T_UINT, T_ULONG, T_VOID, T_LLONG, T_ULLONG, intInfo, isArith, isCharArrayOrPtr,
  isInteger, isPointer, isScalar, isString, isVoid, pointerTo, promote1, promote2, ptrCompat, resolve, sameType, sizeOf,
  type DType, type IntType, type StructType,
} from '../types/types.ts';
import { convertInt, truthOf, zeroOf, type Ev, type IntEv, type StrEv } from './values.ts';
import { traceInt, traceString, hexDump, formatStackDefault, STACK_INDENT } from '../format/trace.ts';
import { checkFormat, formatValues, isFormatError, parseFormat, type FormatContext, type ParsedFormat, type PfValue } from '../format/printf.ts';
import type { AggBridge } from './aggbridge.ts';
import type { AggParams } from '../runtime/aggregate.ts';
import { checkLlquantize, checkLquantize, isAggCheckError } from '../runtime/aggregate-check.ts';

export type Stmt = (c: FireCtx) => void;

export interface CompiledClause {
  /** Index in program order. */
  index: number;
  desc: A.ProbeDesc;
  probes: Probe[];
  pred: ((c: FireCtx) => boolean) | null;
  body: Stmt[];
  /** No statements: dtrace's default action (print the probe line). */
  defaultAction: boolean;
  /** EPID per probe (parallel to probes), assigned by the engine. */
  epids: number[];
}

export interface CompileEnv {
  registry: ProbeRegistry;
  rt: Runtime;
  out: ClauseOutput;
  aggs: AggBridge;
  macroArgs: readonly string[];
  allowZeroMatch: boolean;
  destructive: boolean;
  /** Current option values the compiler consults (strsize, …). */
  opt: (name: string) => string | undefined;
  /** Whether output is quiet now (trace() formats differ); may change at run time through setopt(). */
  quiet: () => boolean;
  /** setopt() at run time. */
  setopt: (name: string, value: string | undefined) => void;
  /** printa at run time: print the named aggregations through the library. */
  printa: (fmt: ParsedFormat | null, aggIds: number[]) => string;
  clearAgg: (id: number, mode: 'clear' | 'trunc' | 'normalize' | 'denormalize', n: DInt) => void;
  /** Options from `#pragma D option` are handed back for the engine to apply. */
  pragmaOption: (name: string, value: string | undefined, loc: A.Span) => void;
  /** printf's context: %Y/%T use the local zone in the CLI (as dtrace does), UTC by default. */
  formatContext?: FormatContext;
  /** Validates a `#pragma D option` while lexing, as dtrace_setopt does (error text or undefined). */
  checkOption?: (name: string, value: string | undefined) => string | undefined;
}

interface X {
  t: DType;
  ev: Ev;
  /** An integer constant's value (for folding and args[N] indexes). */
  cv?: DInt | string;
  /** Lvalue info. */
  lv?: LValue;
  /** Set for aggregating function calls: not a value. */
  agg?: boolean;
  /** Set for actions used as expressions (dt_node_is_actfunc). */
  act?: boolean;
  /** A dynamic (translated) value: not usable as a key or traced (dt_node_is_dynamic). */
  dyn?: boolean;
  /** Bit-field (no address). */
  bitfield?: boolean;
  /** A boolean closure equivalent to the value's truth (comparisons, logical operators). */
  test?: (c: FireCtx) => boolean;
}

interface LValue {
  kind: 'var' | 'mem' | 'member-xl';
  /** A global scalar: its storage array and slot, for direct access. */
  slot?: { arr: unknown[]; id: number };
  writable: boolean;
  /** Assign a converted value. */
  set?: (c: FireCtx, v: unknown) => void;
  /** Memory lvalue address. */
  addr?: IntEv;
}

const TYPE_INT64 = builtinTypes().parse('int64_t');
const TYPE_UINT64 = builtinTypes().parse('uint64_t');
const TYPE_SIZE = builtinTypes().parse('size_t');
const TYPE_PTRDIFF = builtinTypes().parse('ptrdiff_t');
/** dtrace's <DYN> type of translated and dynamic expressions. */
const DYN_TYPE: DType = { kind: 'typedef', name: '<DYN>', base: { kind: 'void', name: 'void' } };

export class Compiler {
  types: TypeScope;
  readonly syms = new Symbols();
  /** User translators (`translator T < F p > { ... };`), in definition order. */
  private readonly translators: { to: DType; from: DType; def: A.TranslatorDef }[] = [];
  decl: DeclBuilder;
  readonly clauses: CompiledClause[] = [];
  /** Set while compiling a clause. */
  probes: Probe[] | null = null;
  private probeCtx: Probe | null = null;
  private desc: A.ProbeDesc | null = null;
  private inClause = false;
  /** Destructive actions the program uses (the engine refuses to enable them). */
  readonly destructive: string[] = [];
  private strsize = 256;

  constructor(readonly env: CompileEnv) {
    this.types = new TypeScope(builtinTypes());
    this.decl = new DeclBuilder(this.types, (e) => this.constInt(e));
    for (const [name, ty, value] of BUILTIN_CONSTANTS) {
      this.syms.consts.set(name, { kind: 'const', name, type: this.types.parse(ty), value });
    }
    this.syms.consts.set('NULL', { kind: 'const', name: 'NULL', type: T_INT, value: 0 });
    for (const [name, kt, vt, fn] of BUILTIN_INLINE_ARRAYS) {
      this.syms.consts.set(name, { kind: 'inlinearray', name, keyType: this.types.parse(kt), type: this.types.parse(vt), fn });
    }
  }

  // ================================================================ program

  /**
   * Start a new type scope over the current one: types defined so far (the
   * networking structs) become outer types a script may redefine, as a
   * script may redefine a kernel type in its own D container.
   */
  pushTypeScope(): void {
    this.types = new TypeScope(this.types);
    this.decl = new DeclBuilder(this.types, (e) => this.constInt(e));
  }

  program(p: A.Program): void {
    this.strsize = sizeOption(this.env.opt('strsize') ?? '256');
    for (const [n, v] of p.options) this.env.pragmaOption(n, v, p.loc);
    this.strsize = sizeOption(this.env.opt('strsize') ?? '256');
    for (const item of p.items) {
      switch (item.kind) {
        case 'Clause': this.clause(item); break;
        case 'Declaration': this.declaration(item); break;
        case 'Inline': this.inline(item); break;
        case 'Translator': this.translator(item); break;
        case 'Provider': break;
      }
    }
  }

  private declaration(d: A.Declaration): void {
    const storage = d.specifiers.storage;
    const base = this.decl.baseType(d.specifiers);
    if (storage.includes('typedef')) {
      for (const dd of d.declarators) {
        if (!dd.name) continue;
        const t = this.decl.apply(base, dd);
        this.types.typedefs.set(dd.name, { kind: 'typedef', name: dd.name, base: t });
      }
      return;
    }
    for (const dd of d.declarators) {
      if (!dd.name) continue;
      const scope = storage.includes('self') ? 'tls' : storage.includes('this') ? 'local' : 'global';
      const keys = this.decl.keySignature(dd);
      const t = this.decl.apply(base, dd);
      if (isVoid(t)) fail('D_DECL_VOIDOBJ', `cannot have void object: ${dd.name}`, dd.loc);
      if (storage.includes('extern')) continue;
      const tab = this.syms.table(scope);
      const old = tab.get(dd.name);
      if (old) {
        if (old.type && !sameType(old.type, t)) fail('D_DECL_IDRED', `identifier redeclared: ${dd.name}`, dd.loc);
        continue;
      }
      if (scope === 'local' && keys) fail('D_DECL_LOCASSC', `associative arrays may not be declared as local variables: ${dd.name}`, dd.loc);
      if (scope === 'global' && (BUILTIN_VARS.has(dd.name) || BUILTIN_FUNCS.has(dd.name) || this.syms.consts.has(dd.name))) {
        fail('D_DECL_IDRED', `identifier redeclared: ${dd.name}`, dd.loc);
      }
      const v = this.syms.create(scope, dd.name, keys ? 'array' : 'scalar');
      v.type = t;
      v.keyTypes = keys ?? undefined;
      v.declared = true;
      const r = resolve(t);
      if (!keys && scope === 'global' && (r.kind === 'struct' || r.kind === 'union' || r.kind === 'array')) {
        v.addr = this.env.rt.alloc(sizeOf(t));
      }
    }
  }

  private inline(d: A.InlineDef): void {
    const name = d.declarator.name!;
    const base = this.decl.baseType(d.specifiers);
    const keys = this.decl.keySignature(d.declarator);
    const t = this.decl.apply(base, d.declarator);
    if (this.syms.consts.has(name) || this.syms.globals.has(name)) fail('D_DECL_IDRED', `identifier redeclared: ${name}`, d.loc);
    if (keys) {
      const params: { name: string; type: DType }[] = [];
      for (const ch of d.declarator.chunks) {
        if (ch.kind === 'Array' && ch.keys) {
          for (const p of ch.keys) params.push({ name: p.declarator?.name ?? '', type: this.decl.apply(this.decl.baseType(p.specifiers), p.declarator) });
        }
      }
      this.syms.consts.set(name, { kind: 'inline', name, type: t, expr: d.value, params });
      return;
    }
    const x = this.expr(d.value);
    if (!argCompat(t, x.t)) {
      fail('D_OP_INCOMPAT', `inline ${name} definition uses incompatible types: "${t.name}" = "${x.t.name}"`, d.loc);
    }
    this.syms.consts.set(name, { kind: 'inline', name, type: t, expr: d.value, params: null });
  }

  // ================================================================ clauses

  private clause(cl: A.Clause): void {
    const index = this.clauses.length;
    for (const desc of cl.probes) {
      const fields = this.expandDesc(desc);
      const probes = this.env.registry.match(fields);
      if (probes.length === 0 && !this.env.allowZeroMatch) {
        fail('D_PDESC_ZERO', `probe description ${fields.provider}:${fields.module}:${fields.func}:${fields.name} does not match any probes`, desc.loc);
      }
      this.probes = probes;
      this.probeCtx = stableProbe(probes);
      this.desc = desc;
      this.inClause = true;
      const { pred, body } = this.cookClause(cl);
      this.inClause = false;
      this.clauses.push({
        index, desc, probes, pred, body: body ?? [], defaultAction: cl.body === null || cl.body.length === 0, epids: [],
      });
    }
  }

  /** dt_compile_one_clause's action-order rules for speculations (checked over the clause's top-level actions). */
  private checkActionOrder(body: readonly A.Statement[]): void {
    let spec = false, commit = false, datarec = false;
    // Speculations already committed in this clause: a second commit() of the
    // same speculation is D_COMM_COMM, but committing several different ones
    // in one clause is allowed (speculation/tst.CommitCommitCommit.r vs
    // err.D_COMM_COMM.CommitAftCommit.r).
    const committed = new Set<string>();
    for (const st of body) {
      if (st.kind !== 'ExprStatement') continue;
      const e = st.expr;
      let name = '';
      if (e.kind === 'Call' && e.callee.kind === 'Ident') name = e.callee.name;
      const isAgg = e.kind === 'Assign' && e.target.kind === 'Agg';
      const f = BUILTIN_FUNCS.get(name);
      if (name === 'speculate') {
        if (spec) fail('D_SPEC_SPEC', 'speculate( ) may not follow speculate( )', e.loc);
        if (commit) fail('D_SPEC_COMM', 'speculate( ) may not follow commit( )', e.loc);
        if (datarec) fail('D_SPEC_DREC', 'speculate( ) may not follow data-recording action(s)', e.loc);
        spec = true;
      } else if (name === 'commit') {
        const key = e.kind === 'Call' ? exprKey(e.args[0]) : '';
        if (committed.has(key)) fail('D_COMM_COMM', 'commit( ) may not follow commit( )', e.loc);
        if (datarec) fail('D_COMM_DREC', 'commit( ) may not follow data-recording action(s)', e.loc);
        committed.add(key);
        commit = true;
      } else if (name === 'discard') {
        continue;
      } else if (name === 'exit') {
        if (spec) fail('D_EXIT_SPEC', 'exit( ) may not follow speculate( )', e.loc);
        datarec = true;
      } else if (isAgg) {
        if (spec) fail('D_AGG_SPEC', 'aggregating actions may not follow speculate( )', e.loc);
        if (commit) fail('D_AGG_COMM', 'aggregating actions may not follow commit( )', e.loc);
      } else if (f && (f.kind === 'action' || f.kind === 'destructive') && name !== 'setopt' && name !== 'clear' && name !== 'trunc' && name !== 'normalize' && name !== 'denormalize') {
        if (f.kind === 'destructive' && spec) fail('D_ACT_SPEC', 'destructive actions may not follow speculate( )', e.loc);
        if (commit) fail('D_DREC_COMM', 'data-recording actions may not follow commit( )', e.loc);
        datarec = true;
      }
    }
  }

  private cookClause(cl: A.Clause): { pred: ((c: FireCtx) => boolean) | null; body: Stmt[] | null } {
    let body: Stmt[] | null;
    let pred: ((c: FireCtx) => boolean) | null = null;
    try {
      body = this.region('action list', () => { const b = this.statements(cl.body ?? []); this.checkActionOrder(cl.body ?? []); return b; });
    } catch (e) {
      if (!(e instanceof CompileError) || cl.predicate === null || (e.tag !== 'D_IDENT_UNDEF' && e.tag !== 'D_VAR_UNDEF')) throw e;
      pred = this.predicate(cl.predicate);
      body = this.region('action list', () => this.statements(cl.body ?? []));
      return { pred, body };
    }
    if (cl.predicate !== null) pred = this.predicate(cl.predicate);
    return { pred, body };
  }

  private predicate(e: A.Expr): (c: FireCtx) => boolean {
    return this.region('predicate', () => {
      const x = this.expr(e);
      if (!isScalar(x.t) || x.agg) fail('D_PRED_SCALAR', 'predicate result must be of scalar type', e.loc);
      return x.test ?? truthOf(x.ev, x.t);
    });
  }

  private region<T>(name: string, f: () => T): T {
    try {
      return f();
    } catch (e) {
      // Errors dtrace raises while parsing (constant folding in dt_node_op2) carry no region.
      if (e instanceof CompileError && e.region === undefined && e.tag !== 'D_DIV_ZERO') {
        throw new CompileError(e.tag, e.message, e.loc, name);
      }
      throw e;
    }
  }

  /** Expand $1… in probe description fields. */
  private expandDesc(d: A.ProbeDesc): { provider: string; module: string; func: string; name: string } {
    const ex = (s: string): string => s.replace(/\$\$?([0-9]+)/g, (m, n: string) => {
      const i = Number(n);
      if (i === 0) return this.env.macroArgs.length >= 0 ? m : m;
      const v = this.env.macroArgs[i - 1];
      if (v === undefined) fail('D_MACRO_UNDEF', `macro argument ${m} is not defined`, d.loc);
      return v;
    });
    return { provider: ex(d.provider), module: ex(d.module), func: ex(d.func), name: ex(d.name) };
  }

  // ================================================================ statements

  private statements(list: readonly A.Statement[]): Stmt[] {
    const out: Stmt[] = [];
    for (const s of list) out.push(this.statement(s));
    return out;
  }

  private statement(s: A.Statement): Stmt {
    switch (s.kind) {
      case 'Block': {
        const body = this.statements(s.body);
        return (c) => { for (let i = 0; i < body.length; i++) body[i]!(c); };
      }
      case 'If': {
        const t = this.expr(s.test);
        if (!isScalar(t.t)) fail('D_OP_SCALAR', 'if statement condition must be of scalar type', s.test.loc);
        const test = t.test ?? truthOf(t.ev, t.t);
        const th = this.statement(s.then);
        const el = s.else ? this.statement(s.else) : null;
        return el ? (c) => { if (test(c)) th(c); else el(c); } : (c) => { if (test(c)) th(c); };
      }
      case 'ExprStatement': return this.exprStatement(s.expr);
    }
  }

  private exprStatement(e: A.Expr): Stmt {
    if (e.kind === 'Agg') fail('D_AGG_NULL', 'expression has null effect', e.loc);
    if (e.kind === 'Assign' && e.target.kind === 'Agg') return this.aggStatement(e.target, e.value, e.op, e);
    if (e.kind === 'Call' && e.callee.kind === 'Ident') {
      const f = BUILTIN_FUNCS.get(e.callee.name);
      if (f && (f.kind === 'action' || f.kind === 'destructive')) return this.action(f.name, f.kind, e);
    }
    const x = this.expr(e);
    const ev = x.ev;
    return (c) => { ev(c); };
  }

  // ================================================================ expressions

  expr(e: A.Expr): X {
    const x = this.expr0(e);
    (e as A.ExprBase).type = x.t;
    return x;
  }

  private expr0(e: A.Expr): X {
    switch (e.kind) {
      case 'IntLit': return this.intLit(e);
      case 'FloatLit': return fail('D_SYNTAX', 'floating-point constants are not permitted', e.loc);
      case 'StringLit': { const v = e.value; return { t: T_STRING, ev: () => v, cv: v }; }
      case 'MacroArg': return this.macroArg(e);
      case 'Ident': return this.ident(e);
      case 'ScopedVar': return this.scopedVar(e, false);
      case 'Agg': return fail('D_AGG_FUNC', `@${e.name} must be assigned the result of an aggregating function`, e.loc);
      case 'Unary': return this.unary(e);
      case 'Update': return this.update(e);
      case 'Binary': return this.binary(e);
      case 'Assign': return this.assign(e);
      case 'Conditional': return this.conditional(e);
      case 'Comma': {
        const l = this.expr(e.left), r = this.expr(e.right);
        if (l.act || r.act) fail('D_OP_ACT', 'operator , operands cannot be actions', e.loc);
        const le = l.ev, re = r.ev;
        return { t: r.t, ev: (c) => { le(c); return re(c); } };
      }
      case 'Cast': return this.cast(e);
      case 'Sizeof': {
        let t: DType;
        if (e.typeName) t = this.decl.typeName(e.typeName);
        else {
          const x = this.expr(e.operand!);
          if (x.bitfield) fail('D_SIZEOF_BITFIELD', 'cannot apply sizeof to a bit-field', e.loc);
          t = x.t;
        }
        const n = resolve(t).kind === 'string' ? this.strsize : sizeOf(t);
        if (n === 0) fail('D_SIZEOF_TYPE', 'cannot apply sizeof to an operand of unknown size', e.loc);
        return { t: TYPE_SIZE, ev: () => n, cv: n };
      }
      case 'Stringof': {
        const x = this.expr(e.operand);
        if (!isScalar(x.t) && !isString(x.t) && !isCharArrayOrPtr(x.t)) {
          fail('D_STRINGOF_TYPE', `cannot apply stringof to a value of type ${x.t.name}`, e.loc);
        }
        return { t: T_STRING, ev: this.toStringEv(x) };
      }
      case 'Offsetof': {
        const t = resolve(this.decl.typeName(e.typeName));
        if (t.kind !== 'struct' && t.kind !== 'union') fail('D_OFFSETOF_TYPE', `offsetof operand must be a struct or union type`, e.loc);
        const m = findMember(t, e.member);
        if (!m) fail('D_TYPE_MEMBER', `${e.member} is not a member of ${t.name}`, e.loc);
        if (m.bits !== undefined) fail('D_OFFSETOF_BITFIELD', `cannot take offset of a bit-field: ${e.member}`, e.loc);
        const off = m.offset;
        return { t: TYPE_SIZE, ev: () => off, cv: off };
      }
      case 'Xlate': return this.xlate(e);
      case 'Call': return this.call(e);
      case 'Index': return this.index(e);
      case 'Member': return this.member(e);
    }
  }

  /** A translator definition (dt_node_xlator): checked now, its members compiled at each xlate<>. */
  private translator(d: A.TranslatorDef): void {
    const to = this.decl.typeName(d.to);
    const from = this.decl.typeName(d.from);
    const r = resolve(to);
    if (r.kind !== 'struct' && r.kind !== 'union') return fail('D_XLATE_SOU', `translator output type must be a struct or union: ${to.name}`, d.loc);
    for (const m of d.members) {
      if (!r.members.some((x) => x.name === m.name)) fail('D_XLATE_MEMB', `translator member ${m.name} is not a member of ${to.name}`, m.loc);
    }
    this.translators.push({ to, from, def: d });
  }

  /**
   * xlate<T>(x) and xlate<T *>(x) with a user translator: the translated
   * struct is built in one region per site (as dtrace builds it in scratch
   * space), each member the translator's expression with its parameter
   * replaced by the operand.
   */
  private xlate(e: A.Xlate): X {
    const target = this.decl.typeName(e.typeName);
    const x = this.expr(e.operand);
    const rtg = resolve(target);
    const outT = rtg.kind === 'pointer' ? rtg.to : target;
    const ro = resolve(outT);
    const tr = this.translators.find((t) => { const r = resolve(t.to); return (r === ro || r.name === ro.name) && argCompat(t.from, x.t); });
    if (!tr) return fail('D_XLATE_NONE', `cannot translate from "${x.t.name}" to "${target.name}"`, e.loc);
    const st = resolve(tr.to) as StructType;
    const rt = this.env.rt;
    const base = rt.alloc(st.size);
    const zero = new Uint8Array(st.size);
    const subst = new Map<string, A.Expr>([[tr.def.param, e.operand]]);
    const stores: Stmt[] = [];
    for (const m of tr.def.members) {
      const mem = st.members.find((y) => y.name === m.name)!;
      const vx = this.expr(cloneExpr(m.value, subst));
      if (!argCompat(mem.type, vx.t) && !(isPointer(mem.type) && isInteger(vx.t))) {
        fail('D_XLATE_INCOMPAT', `translator member ${m.name} definition uses incompatible types: "${mem.type.name}" = "${vx.t.name}"`, m.loc);
      }
      const ev = this.coerce(vx, mem.type).ev;
      const at = base + mem.offset;
      const mr = resolve(mem.type);
      if (mem.bits !== undefined) fail('D_XLATE_INCOMPAT', `translator member ${m.name} is a bit-field`, m.loc);
      if (mr.kind === 'int' || mr.kind === 'enum' || mr.kind === 'pointer') {
        const size = mr.kind === 'int' ? mr.size : mr.kind === 'enum' ? 4 : 8;
        stores.push((c) => rt.store(at, size, ev(c) as DInt));
      } else if (mr.kind === 'string') {
        const n = Math.min(this.strsize, sizeOf(mem.type));
        stores.push((c) => {
          const v = (ev(c) as string).slice(0, n - 1);
          const b = new Uint8Array(v.length + 1);
          for (let i = 0; i < v.length; i++) b[i] = v.charCodeAt(i) & 0xff;
          rt.storeBytes(at, b);
        });
      } else {
        const size = sizeOf(mem.type);
        stores.push((c) => rt.storeBytes(at, rt.loadBytes(ev(c) as number, size).slice()));
      }
    }
    const ev: IntEv = (c) => {
      rt.storeBytes(base, zero);
      for (let i = 0; i < stores.length; i++) stores[i]!(c);
      return base;
    };
    if (rtg.kind === 'pointer') return { t: pointerTo(tr.to), ev };
    return { t: tr.to, ev, lv: { kind: 'mem', writable: false, addr: ev } };
  }

  private intLit(e: A.IntLit): X {
    const v = e.value;
    const t = literalType(v, e.suffix, e.radix);
    if (!t) fail('D_INT_OFLOW', `integer constant ${e.text} is too large`, e.loc);
    const cv = I.canon(v);
    return { t, ev: () => cv, cv };
  }

  private macroArg(e: A.MacroArg): X {
    let text: string | undefined;
    if (e.index !== null) {
      if (e.index === 0) text = 'dtrace';
      else text = this.env.macroArgs[e.index - 1];
      if (text === undefined) {
        fail('D_MACRO_UNDEF', `macro argument ${e.quoted ? '$$' : '$'}${e.name} is not defined`, e.loc);
      }
    } else {
      const known: Record<string, string> = { pid: '0', ppid: '0', uid: '0', gid: '0', sid: '0', pgid: '0', projid: '0', taskid: '0', target: '0', egid: '0', euid: '0' };
      text = known[e.name];
      if (text === undefined) fail('D_MACRO_UNDEF', `macro variable ${e.quoted ? '$$' : '$'}${e.name} is not defined`, e.loc);
    }
    if (e.quoted) { const s = text; return { t: T_STRING, ev: () => s, cv: s }; }
    const lit = I.parseLiteral(text.trim());
    if (lit !== undefined) {
      const t = literalType(lit, '', 10) ?? T_ULONG;
      const cv = I.canon(lit);
      return { t, ev: () => cv, cv };
    }
    if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(text)) return this.ident({ kind: 'Ident', name: text, loc: e.loc });
    if (/^".*"$/s.test(text)) { const s = text.slice(1, -1); return { t: T_STRING, ev: () => s, cv: s }; }
    return fail('D_SYNTAX', `syntax error near "${text}"`, e.loc);
  }

  // ---------------------------------------------------------------- identifiers

  private ident(e: A.Ident): X {
    if (e.scope !== undefined) {
      fail('D_IDENT_UNDEF', `failed to resolve ${e.scope}\`${e.name}: Unknown symbol name`, e.loc);
    }
    const name = e.name;
    const v = this.syms.globals.get(name);
    if (v) {
      if (v.kind === 'array') fail('D_IDENT_BADREF', `array '${name}' may not be referenced as scalar`, e.loc);
      return this.varRead(v, e.loc);
    }
    const cs = this.syms.consts.get(name);
    if (cs) {
      if (cs.kind === 'const') {
        const val = cs.value;
        return { t: cs.type, ev: () => val, cv: val };
      }
      if (cs.kind === 'inline' && cs.params === null) {
        const x = this.expr(cloneExpr(cs.expr));
        return this.coerce(x, cs.type);
      }
      fail('D_IDENT_BADREF', `inline '${name}' may not be referenced as scalar`, e.loc);
    }
    const en = this.decl.enumConsts.get(name);
    if (en) { const val = en.value; return { t: en.type, ev: () => val, cv: val }; }
    if (BUILTIN_VARS.has(name)) return this.builtinVar(name, e.loc);
    if (KERNEL_VARS.has(name)) {
      // Translated kernel state (curpsinfo, curthread …): a dynamic value no capture can supply.
      return { t: DYN_TYPE, ev: () => fault(FLT_BADADDR, 0), dyn: true };
    }
    if (name === 'args') fail('D_IDENT_BADREF', `array 'args' may not be referenced as scalar`, e.loc);
    const f = BUILTIN_FUNCS.get(name);
    if (f) {
      const what = f.kind === 'aggfunc' ? 'aggregating function' : f.kind === 'subr' ? 'function' : 'action';
      fail('D_IDENT_BADREF', `${what} '${name}' may not be referenced as scalar`, e.loc);
    }
    return fail('D_IDENT_UNDEF', `failed to resolve ${name}: Unknown variable name`, e.loc);
  }

  private varRead(v: VarSym, loc: A.Span): X {
    if (v.type === undefined) {
      fail('D_VAR_UNDEF', `${v.scope === 'local' ? 'this->' : v.scope === 'tls' ? 'self->' : ''}${v.name} has not yet been declared or assigned`, loc);
    }
    const t = v.type;
    const rt = this.env.rt;
    const id = v.id;
    const z = zeroOf(t);
    const r = resolve(t);
    const lv: LValue = { kind: 'var', writable: true, set: this.varWriter(v) };
    if (v.addr !== 0) {
      const a = v.addr;
      return { t, ev: () => a, lv: { kind: 'mem', writable: true, addr: () => a } };
    }
    let ev: Ev;
    if (v.scope === 'global') {
      const g = rt.globals;
      g[id] ??= z;
      ev = () => g[id];
      void r;
      lv.slot = { arr: g, id };
    } else if (v.scope === 'local') {
      ev = () => { const x = rt.locals[id]; return x === undefined ? z : x; };
    } else {
      const m = (rt.tls[id] ??= new Map());
      const ctx = rt.ctx;
      // Thread-locals are dynamic variables: an unset string one is the NULL string.
      const zd = z === '' ? NULL_STR : z;
      ev = () => { const x = m.get(ctx.tid); return x === undefined ? zd : x; };
    }
    return { t, ev, lv };
  }

  private varWriter(v: VarSym): (c: FireCtx, val: unknown) => void {
    const rt = this.env.rt;
    const id = v.id;
    if (v.scope === 'global') { const g = rt.globals; return (_c, val) => { g[id] = val; }; }
    if (v.scope === 'local') return (_c, val) => { rt.locals[id] = val; };
    const m = (rt.tls[id] ??= new Map());
    const chunk = this.chunkSize([TYPE_INT64], v.type!);
    return (c, val) => { rt.dynSet(m, c.tid, val, chunk); };
  }

  /** Estimated size of a dynamic variable (dtrace_dynvar_t + key + value), for dynvarsize. */
  private chunkSize(keys: readonly DType[], value: DType): number {
    const sz = (t: DType): number => (isString(t) ? this.strsize : Math.max(8, Math.ceil(sizeOf(t) / 8) * 8));
    let n = 48;
    for (const k of keys) n += sz(k);
    return n + sz(value);
  }

  private builtinVar(name: string, _loc: A.Span): X {
    const t = this.types.parse(BUILTIN_VARS.get(name)!);
    const rt = this.env.rt;
    const m = /^arg([0-9])$/.exec(name);
    if (m) { const i = Number(m[1]); return { t, ev: (c) => c.arg[i] }; }
    switch (name) {
      case 'timestamp': return { t, ev: (c) => c.tsNs };
      case 'vtimestamp': return { t, ev: (c) => c.vtsNs };
      case 'walltimestamp': return { t, ev: (c) => I.canon(BigInt(c.tsNs) + c.wallDeltaNs) };
      case 'probeprov': return { t, ev: (c) => c.probe.provider };
      case 'probemod': return { t, ev: (c) => c.probe.module };
      case 'probefunc': return { t, ev: (c) => c.probe.func };
      case 'probename': return { t, ev: (c) => c.probe.name };
      case 'cpu': return { t, ev: (c) => c.cpu };
      case 'pid': return { t, ev: (c) => c.pid };
      case 'ppid': return { t, ev: (c) => c.ppid };
      case 'tid': rt.usesTid = true; return { t, ev: (c) => c.tid };
      case 'uid': return { t, ev: (c) => c.uid };
      case 'gid': return { t, ev: (c) => c.gid };
      case 'errno': return { t, ev: (c) => c.errno };
      case 'execname': return { t, ev: (c) => c.execname };
      case 'zonename': return { t, ev: (c) => c.zonename };
      case 'id': return { t, ev: (c) => c.probe.id };
      case 'epid': return { t, ev: (c) => c.epid };
      case 'stackdepth': rt.usesStack = true; return { t, ev: (c) => c.stackLines.length };
      default: void rt; return { t, ev: () => 0 };
    }
  }

  private scopedVar(e: A.ScopedVar, create: boolean, assignType?: DType): X {
    const scope = e.scope === 'self' ? 'tls' : 'local';
    if (scope === 'tls') this.env.rt.usesTid = true; // self-> is keyed by the thread
    const tab = this.syms.table(scope);
    let v = tab.get(e.name);
    if (!v) {
      if (!create) {
        fail('D_VAR_UNDEF', `${e.scope}->${e.name} has not yet been declared or assigned`, e.loc);
      }
      v = this.syms.create(scope, e.name, 'scalar');
    }
    if (v.kind === 'array') fail('D_IDENT_BADREF', `array '${e.name}' may not be referenced as scalar`, e.loc);
    if (v.type === undefined && assignType) v.type = assignType;
    return this.varRead(v, e.loc);
  }

  // ---------------------------------------------------------------- operators

  private unary(e: A.Unary): X {
    if (e.op === '&') return this.addressOf(e);
    const x = this.expr(e.operand);
    const op = e.op;
    switch (op) {
      case '-': case '+': {
        if (!isDArith(x.t)) fail('D_OP_ARITH', `operator ${op} requires an operand of arithmetic type`, e.loc);
        const t = promote1(x.t);
        const a = this.asInt(x, t);
        if (op === '+') return { t, ev: a, cv: x.cv };
        const sz = t.size as IntSize, sg = t.signed;
        if (t.size === 4) return { t, ev: sg ? (c) => -(a(c) as number) | 0 : (c) => (-(a(c) as number)) >>> 0, cv: foldIfConst(x, (v) => I.neg(v, sz, sg)) };
        return { t, ev: (c) => I.neg(a(c), sz, sg), cv: foldIfConst(x, (v) => I.neg(v, sz, sg)) };
      }
      case '~': {
        if (!isInteger(x.t)) fail('D_OP_INT', `operator ${op} requires an operand of integral type`, e.loc);
        const t = promote1(x.t);
        const a = this.asInt(x, t);
        const sz = t.size as IntSize, sg = t.signed;
        if (t.size === 4) return { t, ev: sg ? (c) => ~(a(c) as number) : (c) => (~(a(c) as number)) >>> 0, cv: foldIfConst(x, (v) => I.not(v, sz, sg)) };
        return { t, ev: (c) => I.not(a(c), sz, sg), cv: foldIfConst(x, (v) => I.not(v, sz, sg)) };
      }
      case '!': {
        if (!isScalar(x.t)) fail('D_OP_SCALAR', `operator ${op} requires an operand of scalar type`, e.loc);
        const tr = x.test ?? truthOf(x.ev, x.t);
        return { t: T_INT, ev: (c) => (tr(c) ? 0 : 1), cv: x.cv !== undefined ? (x.cv == 0 ? 1 : 0) : undefined, test: (c) => !tr(c) };
      }
      case '*': return this.deref(x, e.loc);
    }
  }

  private deref(x: X, loc: A.Span): X {
    const r = resolve(x.t);
    let to: DType;
    if (r.kind === 'pointer') to = r.to;
    else if (r.kind === 'array') to = r.of;
    else return fail('D_DEREF_NONPTR', 'cannot dereference non-pointer type', loc);
    const tr = resolve(to);
    if (tr.kind === 'void') fail('D_DEREF_VOID', 'cannot dereference pointer to void', loc);
    if (tr.kind === 'func') fail('D_DEREF_FUNC', 'cannot dereference pointer to function', loc);
    if ((tr.kind === 'struct' || tr.kind === 'union') && TRANSLATED.has(tr)) {
      const ev = x.ev;
      return { t: to, ev: (c) => { const o = ev(c); if (o === null || o === 0) fault(FLT_BADADDR, 0); return o; } };
    }
    const addr = x.ev as IntEv;
    return this.memValue(to, addr, true);
  }

  /** The value of an object of type t at address addr (structs/arrays: the address itself). */
  private memValue(t: DType, addr: IntEv, writable: boolean): X {
    const r = resolve(t);
    const rt = this.env.rt;
    const lv: LValue = { kind: 'mem', writable, addr };
    switch (r.kind) {
      case 'int': case 'enum': {
        const size = r.kind === 'int' ? r.size : 4;
        const signed = r.kind === 'int' ? r.signed : true;
        return { t, ev: (c) => { const a = addr(c); if (a === 0) fault(FLT_BADADDR, 0); return rt.load(a, size, signed); }, lv };
      }
      case 'pointer':
        return { t, ev: (c) => { const a = addr(c); if (a === 0) fault(FLT_BADADDR, 0); return rt.load(a, 8, false); }, lv };
      case 'string': {
        const max = this.strsize;
        return { t, ev: (c) => rt.loadString(addr(c), max), lv };
      }
      case 'float':
        return { t, ev: (c) => { const a = addr(c); const b = rt.loadBytes(a, r.size); const dv = new DataView(b.buffer, b.byteOffset, b.length); return r.size === 4 ? dv.getFloat32(0, true) : dv.getFloat64(0, true); }, lv };
      default:
        return { t, ev: (c) => { const a = addr(c); if (a === 0) fault(FLT_BADADDR, 0); return a; }, lv };
    }
  }

  private addressOf(e: A.Unary): X {
    const x = this.expr(e.operand);
    if (e.operand.kind === 'Ident' && x.lv?.kind === 'var' || e.operand.kind === 'ScopedVar' || e.operand.kind === 'Agg') {
      if (x.lv?.kind !== 'mem') fail('D_ADDROF_VAR', 'cannot take address of dynamic variable', e.loc);
    }
    if (x.bitfield) fail('D_ADDROF_BITFIELD', 'cannot take address of bit-field', e.loc);
    if (!x.lv) fail('D_ADDROF_LVAL', 'unacceptable operand for unary & operator', e.loc);
    if (x.lv.kind === 'mem' && x.lv.addr) return { t: pointerTo(x.t), ev: x.lv.addr };
    if (x.lv.kind === 'member-xl') {
      // &args[2]->ip_saddr and the like: a string member copied into memory.
      const ev = x.ev;
      const rt = this.env.rt;
      if (isString(x.t)) return { t: pointerTo(T_CHAR), ev: (c) => rt.stringRegion(ev(c) as string) };
      return fail('D_ADDROF_VAR', 'cannot take address of dynamic object', e.loc);
    }
    return fail('D_ADDROF_VAR', 'cannot take address of dynamic variable', e.loc);
  }

  private update(e: A.Update): X {
    const op = e.op;
    let x: X;
    if (e.operand.kind === 'Ident' && !this.isKnownIdent(e.operand.name)) {
      const v = this.syms.create('global', e.operand.name, 'scalar');
      v.type = TYPE_INT64;
      x = this.varRead(v, e.loc);
    } else if (e.operand.kind === 'ScopedVar') {
      x = this.scopedVar(e.operand, true, TYPE_INT64);
    } else x = this.expr(e.operand);
    if (!isScalar(x.t)) fail('D_OP_SCALAR', `operator ${op} requires operand of scalar type`, e.loc);
    if (!x.lv) fail('D_OP_LVAL', `operator ${op} requires modifiable lvalue as an operand`, e.loc);
    if (!x.lv.writable) fail('D_OP_WRITE', `operator ${op} can only be applied to a writable variable`, e.loc);
    const delta = isPointer(x.t) ? Math.max(1, sizeOf(resolve(x.t).kind === 'pointer' ? (resolve(x.t) as { to: DType }).to : T_CHAR)) : 1;
    const t = x.t;
    const it = intInfo(t);
    const sz = it.size as IntSize, sg = it.signed;
    const get = x.ev as IntEv;
    const set = this.lvalueSetter(x, e.loc);
    const d = op === '++' ? delta : -delta;
    const slot = x.lv.slot;
    if (slot && sz === 8 && sg) {
      const g = slot.arr, id = slot.id;
      const M = Number.MAX_SAFE_INTEGER;
      if (e.prefix) return { t, ev: () => { const o = g[id] as DInt; const nv = typeof o === 'number' && o < M && o > -M ? o + d : I.add(o, d, 8, true); g[id] = nv; return nv; } };
      return { t, ev: () => { const o = g[id] as DInt; g[id] = typeof o === 'number' && o < M && o > -M ? o + d : I.add(o, d, 8, true); return o; } };
    }
    if (e.prefix) return { t, ev: (c) => { const nv = I.add(get(c), d, sz, sg); set(c, nv); return nv; } };
    return { t, ev: (c) => { const old = get(c); set(c, I.add(old, d, sz, sg)); return old; } };
  }

  private isKnownIdent(name: string): boolean {
    return this.syms.globals.has(name) || this.syms.consts.has(name) || BUILTIN_VARS.has(name) || BUILTIN_FUNCS.has(name) || this.decl.enumConsts.has(name);
  }

  private lvalueSetter(x: X, loc: A.Span): (c: FireCtx, v: unknown) => void {
    const lv = x.lv!;
    if (lv.set) return lv.set;
    if (lv.kind === 'mem' && lv.addr) {
      const addr = lv.addr;
      const rt = this.env.rt;
      const r = resolve(x.t);
      if (r.kind === 'int' || r.kind === 'enum' || r.kind === 'pointer') {
        const size = r.kind === 'int' ? r.size : r.kind === 'enum' ? 4 : 8;
        return (c, v) => rt.store(addr(c), size, v as DInt);
      }
      if (r.kind === 'string') {
        const n = this.strsize;
        return (c, v) => {
          const s = (v as string).slice(0, n - 1);
          const b = new Uint8Array(s.length + 1);
          for (let i = 0; i < s.length; i++) b[i] = s.charCodeAt(i) & 0xff;
          rt.storeBytes(addr(c), b);
        };
      }
      const size = sizeOf(x.t);
      return (c, v) => rt.storeBytes(addr(c), rt.loadBytes(v as number, size).slice());
    }
    return fail('D_OP_LVAL', 'operator = requires modifiable lvalue as an operand', loc);
  }

  private binary(e: A.Binary): X {
    const op = e.op;
    if (op === '&&' || op === '||' || op === '^^') {
      const l = this.expr(e.left), r = this.expr(e.right);
      if (!isScalar(l.t) || !isScalar(r.t)) fail('D_OP_SCALAR', `operator ${op} requires operands of scalar type`, e.loc);
      const a = l.test ?? truthOf(l.ev, l.t), b = r.test ?? truthOf(r.ev, r.t);
      const test: (c: FireCtx) => boolean = op === '&&' ? (c) => a(c) && b(c) : op === '||' ? (c) => a(c) || b(c) : (c) => a(c) !== b(c);
      return { t: T_INT, ev: (c) => (test(c) ? 1 : 0), test };
    }
    if (op === '==' || op === '!=' || op === '<' || op === '>' || op === '<=' || op === '>=') return this.compare(e);
    const l = this.expr(e.left), r = this.expr(e.right);
    switch (op) {
      case '+': case '-': {
        const lp = isPointer(l.t), rp = isPointer(r.t), li = isInteger(l.t), ri = isInteger(r.t);
        if (li && ri) return this.arith(op, l, r);
        if (lp && ri) return this.ptrArith(op, l, r);
        if (li && rp && op === '+') return this.ptrArith(op, r, l);
        if (lp && rp && op === '-' && ptrCompat(l.t, r.t)) {
          const el = elemSize(l.t);
          const a = l.ev as IntEv, b = r.ev as IntEv;
          return { t: TYPE_PTRDIFF, ev: (c) => I.div(I.sub(a(c), b(c), 8, true), el, 8, true) };
        }
        return fail('D_OP_INCOMPAT', `operands have incompatible types: "${l.t.name}" ${op} "${r.t.name}"`, e.loc);
      }
      case '*': case '/':
        if (!isDArith(l.t) || !isDArith(r.t)) fail('D_OP_ARITH', `operator ${op} requires operands of arithmetic type`, e.loc);
        return this.arith(op, l, r, e.loc);
      case '%': case '&': case '|': case '^':
        if (!isInteger(l.t) || !isInteger(r.t)) fail('D_OP_INT', `operator ${op} requires operands of integral type`, e.loc);
        return this.arith(op, l, r, e.loc);
      case '<<': case '>>': {
        if (!isInteger(l.t) || !isInteger(r.t)) fail('D_OP_INT', `operator ${op} requires operands of integral type`, e.loc);
        const t = promote1(l.t);
        const a = this.asInt(l, t), b = this.asInt(r, promote1(r.t));
        const sz = t.size as IntSize, sg = t.signed;
        const f = op === '<<' ? I.shl : I.shr;
        const cv = l.cv !== undefined && r.cv !== undefined ? f(l.cv as DInt, r.cv as DInt, sz, sg) : undefined;
        if (t.size === 4 && sg && op === '>>') return { t, ev: (c) => { const n = b(c); return typeof n === 'number' && n >= 0 && n < 32 ? (a(c) as number) >> n : f(a(c), n, sz, sg); }, cv };
        return { t, ev: (c) => f(a(c), b(c), sz, sg), cv };
      }
    }
    return fail('D_UNKNOWN', `invalid binary op ${op}`, e.loc);
  }

  /** Integer arithmetic after the usual arithmetic conversions. */
  private arith(op: string, l: X, r: X, loc?: A.Span): X {
    const t = promote2(l.t, r.t);
    const a = this.asInt(l, t), b = this.asInt(r, t);
    const sz = t.size as IntSize, sg = t.signed;
    if ((op === '/' || op === '%') && r.cv !== undefined && r.cv == 0) {
      fail('D_DIV_ZERO', `expression contains division by zero`, loc);
    }
    let cv: DInt | undefined;
    if (l.cv !== undefined && r.cv !== undefined && typeof l.cv !== 'string' && typeof r.cv !== 'string') {
      cv = foldArith(op, I.wrap(l.cv, sz, sg), I.wrap(r.cv, sz, sg), sz, sg);
    }
    let ev: IntEv;
    if (t.size === 4 && sg) {
      switch (op) {
        case '+': ev = (c) => ((a(c) as number) + (b(c) as number)) | 0; break;
        case '-': ev = (c) => ((a(c) as number) - (b(c) as number)) | 0; break;
        case '*': ev = (c) => Math.imul(a(c) as number, b(c) as number); break;
        case '/': ev = (c) => { const y = b(c) as number; if (y === 0) fault(FLT_DIVZERO); return ((a(c) as number) / y) | 0; }; break;
        case '%': ev = (c) => { const y = b(c) as number; if (y === 0) fault(FLT_DIVZERO); return ((a(c) as number) % y) | 0; }; break;
        case '&': ev = (c) => (a(c) as number) & (b(c) as number); break;
        case '|': ev = (c) => (a(c) as number) | (b(c) as number); break;
        default: ev = (c) => (a(c) as number) ^ (b(c) as number); break;
      }
    } else if (t.size === 4) {
      switch (op) {
        case '+': ev = (c) => ((a(c) as number) + (b(c) as number)) >>> 0; break;
        case '-': ev = (c) => ((a(c) as number) - (b(c) as number)) >>> 0; break;
        case '*': ev = (c) => Math.imul(a(c) as number, b(c) as number) >>> 0; break;
        case '/': ev = (c) => { const y = b(c) as number; if (y === 0) fault(FLT_DIVZERO); return ((a(c) as number) / y) >>> 0; }; break;
        case '%': ev = (c) => { const y = b(c) as number; if (y === 0) fault(FLT_DIVZERO); return (a(c) as number) % y; }; break;
        case '&': ev = (c) => ((a(c) as number) & (b(c) as number)) >>> 0; break;
        case '|': ev = (c) => ((a(c) as number) | (b(c) as number)) >>> 0; break;
        default: ev = (c) => ((a(c) as number) ^ (b(c) as number)) >>> 0; break;
      }
    } else {
      switch (op) {
        case '+': ev = (c) => I.add(a(c), b(c), sz, sg); break;
        case '-': ev = (c) => I.sub(a(c), b(c), sz, sg); break;
        case '*': ev = (c) => I.mul(a(c), b(c), sz, sg); break;
        case '/': ev = (c) => { const y = b(c); if (y === 0) fault(FLT_DIVZERO); return I.div(a(c), y, sz, sg); }; break;
        case '%': ev = (c) => { const y = b(c); if (y === 0) fault(FLT_DIVZERO); return I.mod(a(c), y, sz, sg); }; break;
        case '&': ev = (c) => I.and(a(c), b(c), sz, sg); break;
        case '|': ev = (c) => I.or(a(c), b(c), sz, sg); break;
        default: ev = (c) => I.xor(a(c), b(c), sz, sg); break;
      }
    }
    if (cv !== undefined) { const k = cv; return { t, ev: () => k, cv }; }
    return { t, ev };
  }

  private asNum(x: X): (c: FireCtx) => number {
    const ev = x.ev;
    return (c) => Number(ev(c));
  }

  private ptrArith(op: string, p: X, n: X): X {
    const el = elemSize(p.t);
    const a = p.ev as IntEv, b = this.asInt(n, T_LONG);
    const t = resolve(p.t).kind === 'array' ? pointerTo((resolve(p.t) as { of: DType }).of) : p.t;
    if (op === '+') return { t, ev: (c) => I.add(a(c), I.mul(b(c), el, 8, true), 8, false) };
    return { t, ev: (c) => I.sub(a(c), I.mul(b(c), el, 8, true), 8, false) };
  }

  private compare(e: A.Binary): X {
    const op = e.op;
    const l = this.expr(e.left);
    // An identifier on the right naming an enumerator of the left's enum type.
    let r: X;
    const lr = resolve(l.t);
    if (lr.kind === 'enum' && e.right.kind === 'Ident' && lr.values.has(e.right.name)) {
      const v = lr.values.get(e.right.name)!;
      r = { t: l.t, ev: () => v, cv: v };
    } else r = this.expr(e.right);
    const ls = isString(l.t) || isCharArrayOrPtr(l.t), rs = isString(r.t) || isCharArrayOrPtr(r.t);
    // A string compared with NULL (the constant 0) tests for the NULL/empty string.
    const nullCmp = (isString(l.t) && isInteger(r.t) && r.cv == 0) ? l : (isString(r.t) && isInteger(l.t) && l.cv == 0) ? r : null;
    if (nullCmp && (op === '==' || op === '!=')) {
      const sv = nullCmp.ev as StrEv;
      const test: (c: FireCtx) => boolean = op === '==' ? (c) => { const v = sv(c); return v === '' || v === NULL_STR; } : (c) => { const v = sv(c); return v !== '' && v !== NULL_STR; };
      return { t: T_INT, ev: (c) => (test(c) ? 1 : 0), test };
    }
    if ((isString(l.t) || isString(r.t)) && ls && rs) {
      // dtrace_strncmp reads a NULL string as "" (no fault).
      const a = cmpStr(this.toStringEv(l)), b = cmpStr(this.toStringEv(r));
      let test: (c: FireCtx) => boolean;
      switch (op) {
        case '==': test = (c) => a(c) === b(c); break;
        case '!=': test = (c) => a(c) !== b(c); break;
        case '<': test = (c) => a(c) < b(c); break;
        case '>': test = (c) => a(c) > b(c); break;
        case '<=': test = (c) => a(c) <= b(c); break;
        default: test = (c) => a(c) >= b(c); break;
      }
      const tf = test;
      return { t: T_INT, ev: (c) => (tf(c) ? 1 : 0), test };
    }
    let a: Ev, b: Ev;
    if (isInteger(l.t) && isInteger(r.t)) {
      const t = promote2(l.t, r.t);
      a = this.asInt(l, t);
      b = this.asInt(r, t);
    } else if ((isPointer(l.t) || isInteger(l.t)) && (isPointer(r.t) || isInteger(r.t)) && (sameType(l.t, r.t) || ptrCompat(l.t, r.t) || isInteger(l.t) || isInteger(r.t))) {
      a = this.ptrAsInt(l);
      b = this.ptrAsInt(r);
    } else if (isArith(l.t) && isArith(r.t)) {
      a = this.asNum(l);
      b = this.asNum(r);
    } else if (sameType(l.t, r.t)) {
      a = l.ev; b = r.ev;
    } else {
      return fail('D_OP_INCOMPAT', `operands have incompatible types: "${l.t.name}" ${op} "${r.t.name}"`, e.loc);
    }
    let test: (c: FireCtx) => boolean;
    const bc = r.cv !== undefined && typeof r.cv !== 'string' ? (b(null as unknown as FireCtx) as DInt) : undefined;
    if (bc !== undefined) {
      switch (op) {
        case '==': test = (c) => a(c) === bc; break;
        case '!=': test = (c) => a(c) !== bc; break;
        case '<': test = (c) => (a(c) as DInt) < bc; break;
        case '>': test = (c) => (a(c) as DInt) > bc; break;
        case '<=': test = (c) => (a(c) as DInt) <= bc; break;
        default: test = (c) => (a(c) as DInt) >= bc; break;
      }
    } else {
      switch (op) {
        case '==': test = (c) => a(c) === b(c); break;
        case '!=': test = (c) => a(c) !== b(c); break;
        case '<': test = (c) => (a(c) as DInt) < (b(c) as DInt); break;
        case '>': test = (c) => (a(c) as DInt) > (b(c) as DInt); break;
        case '<=': test = (c) => (a(c) as DInt) <= (b(c) as DInt); break;
        default: test = (c) => (a(c) as DInt) >= (b(c) as DInt); break;
      }
    }
    const tf = test;
    const ev: Ev = (c) => (tf(c) ? 1 : 0);
    let cv: DInt | undefined;
    if (l.cv !== undefined && r.cv !== undefined && isInteger(l.t) && isInteger(r.t)) cv = tf(null as unknown as FireCtx) ? 1 : 0;
    return { t: T_INT, ev, cv, test };
  }

  /** Pointers compared as numbers: translated pointers compare as 0 (NULL) or 1. */
  private ptrAsInt(x: X): Ev {
    const ev = x.ev;
    if (isInteger(x.t)) return this.asInt(x, T_ULONG);
    return (c) => { const v = ev(c); return v === null ? 0 : typeof v === 'object' ? 1 : v; };
  }

  /** The integer closure of x converted to t. */
  asInt(x: X, t: IntType): IntEv {
    const from = isInteger(x.t) ? intInfo(x.t) : undefined;
    if (x.cv !== undefined && typeof x.cv !== 'string') { const k = I.wrap(x.cv, t.size as IntSize, t.signed); return () => k; }
    return convertInt(x.ev as IntEv, from, t);
  }

  private conditional(e: A.Conditional): X {
    const test = this.expr(e.test);
    const l = this.expr(e.then), r = this.expr(e.else);
    if (!isScalar(test.t)) fail('D_OP_SCALAR', 'operator ?: expression must be of scalar type', e.loc);
    if (l.act || r.act) fail('D_OP_ACT', 'action cannot be used in a conditional context', e.loc);
    const tr = test.test ?? truthOf(test.ev, test.t);
    let t: DType;
    let a: Ev, b: Ev;
    if (isInteger(l.t) && isInteger(r.t) && !sameType(l.t, r.t)) {
      const pt = promote2(l.t, r.t);
      t = pt; a = this.asInt(l, pt); b = this.asInt(r, pt);
    } else if (sameType(l.t, r.t)) {
      t = l.t; a = l.ev; b = r.ev;
    } else if ((isString(l.t) || isCharArrayOrPtr(l.t)) && (isString(r.t) || isCharArrayOrPtr(r.t))) {
      t = T_STRING; a = this.toStringEv(l); b = this.toStringEv(r);
    } else if ((isString(l.t) && isInteger(r.t) && r.cv == 0) || (isString(r.t) && isInteger(l.t) && l.cv == 0)) {
      t = T_STRING; a = isString(l.t) ? l.ev : () => ''; b = isString(r.t) ? r.ev : () => '';
    } else if (isPointer(l.t) && isPointer(r.t) && ptrCompat(l.t, r.t)) {
      t = l.t; a = l.ev; b = r.ev;
    } else if ((isPointer(l.t) && isInteger(r.t) && r.cv == 0) || (isPointer(r.t) && isInteger(l.t) && l.cv == 0)) {
      t = isPointer(l.t) ? l.t : r.t; a = l.ev; b = r.ev;
    } else {
      return fail('D_OP_INCOMPAT', 'operator ?: operands must have compatible types', e.loc);
    }
    return { t, ev: (c) => (tr(c) ? a(c) : b(c)) };
  }

  private cast(e: A.Cast): X {
    const to = this.decl.typeName(e.typeName);
    const x = this.expr(e.operand);
    const tr = resolve(to);
    const ok = sameType(to, x.t) || (isScalar(to) && isScalar(x.t)) || tr.kind === 'void' ||
      (tr.kind === 'pointer' && isPointer(x.t)) || (tr.kind === 'string' && (isScalar(x.t) || isPointer(x.t) || isString(x.t) || isCharArrayOrPtr(x.t)));
    if (!ok) fail('D_CAST_INVAL', `invalid cast expression: "${x.t.name}" to "${to.name}"`, e.loc);
    if (tr.kind === 'void') { const ev = x.ev; return { t: to, ev: (c) => { ev(c); return 0; } }; }
    if (tr.kind === 'string') return { t: to, ev: this.toStringEv(x) };
    if (tr.kind === 'int' || tr.kind === 'enum') {
      if (resolve(x.t).kind === 'float') {
        const ev = x.ev; const it = intInfo(to);
        return { t: to, ev: (c) => I.fromDouble(ev(c) as number, it.size as IntSize, it.signed) };
      }
      const v = this.asInt(isInteger(x.t) ? x : { ...x, ev: this.ptrAsInt(x), t: T_ULONG }, intInfo(to));
      return { t: to, ev: v, cv: x.cv !== undefined && typeof x.cv !== 'string' ? I.wrap(x.cv, intInfo(to).size as IntSize, intInfo(to).signed) : undefined };
    }
    if (tr.kind === 'float') { const ev = x.ev; return { t: to, ev: (c) => Number(ev(c)) }; }
    if (tr.kind === 'pointer') {
      const pr = resolve(tr.to);
      if ((pr.kind === 'struct' || pr.kind === 'union') && TRANSLATED.has(pr)) return { t: to, ev: x.ev };
      if (isString(x.t)) return { t: to, ev: x.ev };
      return { t: to, ev: isInteger(x.t) ? this.asInt(x, T_ULONG) : x.ev };
    }
    return { t: to, ev: x.ev };
  }

  /** toStringEv for a use that reads the characters (trace, printf %s, string subroutines): the NULL string faults as dtrace's load from address 0 does. */
  derefStringEv(x: X): StrEv {
    const sv = this.toStringEv(x);
    return (c) => { const v = sv(c); return v === NULL_STR ? fault(FLT_BADADDR, 0) : v; };
  }

  /** A string closure for a string, char array/pointer (read from memory) or scalar (stringof). */
  toStringEv(x: X): StrEv {
    const ev = x.ev;
    if (isString(x.t)) return ev as StrEv;
    const rt = this.env.rt;
    const max = this.strsize;
    if (isCharArrayOrPtr(x.t)) return (c) => { const v = ev(c); return typeof v === 'string' ? v : rt.loadString(v as DInt, max); };
    if (isPointer(x.t)) return (c) => rt.loadString(ev(c) as DInt, max);
    return (c) => String(ev(c));
  }

  // ---------------------------------------------------------------- assignment

  private assign(e: A.Assign): X {
    if (e.target.kind === 'Agg') fail('D_AGG_FUNC', `@${e.target.name} must be assigned the result of an aggregating function`, e.loc);
    const op = e.op;
    if (e.target.kind === 'Index' && e.target.object.kind === 'Agg') this.index(e.target);
    const rx = this.expr(e.value);
    if (rx.agg) fail('D_AGG_FUNC', `aggregating function may not be used as a value`, e.loc);
    let lx: X;
    const tgt = e.target;
    if (tgt.kind === 'Ident' && !this.isKnownIdent(tgt.name) && !this.syms.globals.has(tgt.name)) {
      if (op !== '=') {
        // dt_cook_op2: a compound assignment creates the variable, then reads it: D_VAR_UNDEF.
        this.syms.create('global', tgt.name, 'scalar');
        fail('D_VAR_UNDEF', `${tgt.name} has not yet been declared or assigned`, tgt.loc);
      } else {
        const v = this.syms.create('global', tgt.name, 'scalar');
        v.type = rx.t;
        this.checkVarType(v, rx.t, e.loc);
      }
      lx = this.ident(tgt);
    } else if (tgt.kind === 'Ident' && this.syms.globals.get(tgt.name)?.type === undefined && this.syms.globals.has(tgt.name)) {
      const v = this.syms.globals.get(tgt.name)!;
      if (op !== '=') fail('D_VAR_UNDEF', `${tgt.name} has not yet been declared or assigned`, tgt.loc);
      v.type = rx.t;
      lx = this.ident(tgt);
    } else if (tgt.kind === 'ScopedVar') {
      lx = this.scopedVar(tgt, true, op === '=' ? rx.t : undefined);
    } else if (tgt.kind === 'Index') {
      lx = this.index(tgt, op === '=' ? rx.t : undefined);
    } else {
      lx = this.expr(tgt);
    }
    if (!lx.lv) fail('D_OP_LVAL', `operator ${op} requires modifiable lvalue as an operand`, e.loc);
    if (!lx.lv.writable) fail('D_OP_WRITE', `operator ${op} can only be applied to a writable variable`, e.loc);
    const lr = resolve(lx.t);
    if (op === '=') {
      if (!isString(lx.t) && (lr.kind === 'array' || lr.kind === 'func')) {
        fail('D_OP_ARRFUN', `operator ${op} may not be applied to operand of type "${lx.t.name}"`, e.loc);
      }
      // NULL (the integer constant 0) may be assigned to a pointer or a string; as a string it is
      // the empty string here, which compares as NULL does (below every string, equal to NULL).
      const nullStr = isString(lx.t) && isInteger(rx.t) && rx.cv == 0;
      if (!argCompat(lx.t, rx.t) && !(isPointer(lx.t) && isInteger(rx.t) && rx.cv == 0) && !nullStr) {
        fail('D_OP_INCOMPAT', `operands have incompatible types: "${lx.t.name}" ${op} "${rx.t.name}"`, e.loc);
      }
      let set = this.lvalueSetter(lx, e.loc);
      const val: Ev = nullStr ? () => '' : this.coerce(rx, lx.t).ev;
      if ((lr.kind === 'struct' || lr.kind === 'union') && lx.lv.kind !== 'mem') {
        // A struct value is its address: assigning one to a variable copies its bytes (dtrace copies
        // by-ref values into the variable's storage), so later changes to the source do not show.
        const size = sizeOf(lx.t);
        const rt = this.env.rt;
        const cur = lx.ev as IntEv;
        const store = set;
        // A clause-local lives for one firing on one thread: one region per assignment site serves.
        const fixed = tgt.kind === 'ScopedVar' && tgt.scope === 'this' ? rt.alloc(size) : 0;
        set = (c, v) => {
          let dst = fixed !== 0 ? fixed : Number(cur(c));
          if (dst === 0) dst = rt.alloc(size);
          rt.storeBytes(dst, rt.loadBytes(v as number, size).slice());
          store(c, dst);
        };
      }
      const set1 = set;
      return { t: lx.t, ev: (c) => { const v = val(c); set1(c, v); return v; } };
    }
    // compound assignment
    const bop = op.slice(0, -1);
    if (isString(lx.t) || isString(rx.t)) fail('D_OP_INCOMPAT', `operands have incompatible types: "${lx.t.name}" ${op} "${rx.t.name}"`, e.loc);
    if ((bop === '|' || bop === '^' || bop === '&' || bop === '<<' || bop === '>>' || bop === '%') && (!isInteger(lx.t) || !isInteger(rx.t))) {
      fail('D_OP_INT', `operator ${op} requires operands of integral type`, e.loc);
    }
    if ((bop === '*' || bop === '/') && (!isDArith(lx.t) || !isDArith(rx.t))) fail('D_OP_ARITH', `operator ${op} requires operands of arithmetic type`, e.loc);
    const set = this.lvalueSetter(lx, e.loc);
    const cur: X = { t: lx.t, ev: lx.ev };
    let res: X;
    if (isPointer(lx.t) && (bop === '+' || bop === '-')) res = this.ptrArith(bop, cur, rx);
    else if (bop === '<<' || bop === '>>') {
      const t = promote1(lx.t);
      const a = this.asInt(cur, t), b = this.asInt(rx, promote1(rx.t));
      const f = bop === '<<' ? I.shl : I.shr;
      res = { t, ev: (c) => f(a(c), b(c), t.size as IntSize, t.signed) };
    } else res = this.arith(bop, cur, rx, e.loc);
    const val = this.coerce(res, lx.t).ev;
    return { t: lx.t, ev: (c) => { const v = val(c); set(c, v); return v; } };
  }

  private checkVarType(_v: VarSym, t: DType, loc: A.Span): void {
    if (isVoid(t)) fail('D_OP_INCOMPAT', `operands have incompatible types: "int64_t" = "void"`, loc);
  }

  /** Convert x to type t for storage. */
  private coerce(x: X, t: DType): X {
    if (isInteger(t) && isInteger(x.t)) return { t, ev: this.asInt(x, intInfo(t)), cv: x.cv };
    if (isString(t) && !isString(x.t)) return { t, ev: this.toStringEv(x) };
    if (isString(t)) {
      const ev = x.ev as StrEv;
      const n = this.strsize - 1;
      if (x.cv !== undefined) { const s = (x.cv as string).slice(0, n); return { t, ev: () => s, cv: s }; }
      return { t, ev: (c) => { const s = ev(c); return s.length > n ? s.slice(0, n) : s; } };
    }
    if (isInteger(t) && isPointer(x.t)) return { t, ev: this.ptrAsInt(x) };
    return { t, ev: x.ev, cv: x.cv };
  }

  // ---------------------------------------------------------------- indexing and members

  private index(e: A.Index, assignType?: DType): X {
    const obj = e.object;
    if (obj.kind === 'Agg') {
      if (obj.keys !== null) fail('D_AGG_MDIM', `improper attempt to reference @${obj.name} as a multi-dimensional array`, e.loc);
      return fail('D_AGG_FUNC', `@${obj.name} must be assigned the result of an aggregating function`, e.loc);
    }
    if (obj.kind === 'Ident' && obj.name === 'args' && !this.syms.globals.has('args')) return this.argsRef(e);
    if (obj.kind === 'Ident' && this.syms.consts.get(obj.name)?.kind === 'inlinearray') {
      const ia = this.syms.consts.get(obj.name) as { fn: (k: number) => string; type: DType; keyType: DType };
      if (e.index.length !== 1) fail('D_PROTO_LEN', `${obj.name}[ ] prototype mismatch: ${e.index.length} args passed, 1 expected`, e.loc);
      const k = this.expr(e.index[0]!);
      const ki = this.asInt(k, intInfo(ia.keyType));
      const fn = ia.fn;
      return { t: ia.type, ev: (c) => fn(Number(ki(c))) };
    }
    if (obj.kind === 'Ident' && this.syms.consts.get(obj.name)?.kind === 'inline') {
      return this.inlineArray(e, obj.name);
    }
    // Associative array: an identifier (global, new or existing array) or self->x.
    let v: VarSym | undefined;
    if (obj.kind === 'Ident' && !BUILTIN_VARS.has(obj.name) && !this.syms.consts.has(obj.name)) {
      v = this.syms.globals.get(obj.name);
      if (v && v.kind === 'scalar' && v.type !== undefined) v = undefined; // a typed scalar: C indexing below
      else if (!v) v = this.syms.create('global', obj.name, 'array');
      else if (v.kind === 'scalar') { this.syms.morphToArray(v); }
    } else if (obj.kind === 'ScopedVar') {
      const tab = this.syms.table(obj.scope === 'self' ? 'tls' : 'local');
      if (obj.scope === 'self') this.env.rt.usesTid = true;
      v = tab.get(obj.name);
      if (!v) {
        if (obj.scope === 'this') fail('D_ARR_LOCAL', `local variables may not be used as associative arrays: ${obj.name}`, e.loc);
        v = this.syms.create('tls', obj.name, 'array');
      } else if (v.kind === 'scalar') {
        if (v.type !== undefined) v = undefined;
        else if (obj.scope === 'this') fail('D_ARR_LOCAL', `local variables may not be used as associative arrays: ${obj.name}`, e.loc);
        else this.syms.morphToArray(v);
      }
    }
    if (v) return this.assocRef(v, e, assignType);
    // C array/pointer indexing: *(a + i).
    const base = this.expr(obj);
    if (e.index.length !== 1) fail('D_ARR_BADREF', `cannot access ${exprName(obj)} as an associative array`, e.loc);
    const ix = this.expr(e.index[0]!);
    if (!isPointer(base.t)) {
      if (isInteger(base.t) && isPointer(ix.t)) return this.deref(this.ptrArith('+', ix, base), e.loc);
      return fail('D_OP_INCOMPAT', `operands have incompatible types: "${base.t.name}" + "${ix.t.name}"`, e.loc);
    }
    if (!isInteger(ix.t)) fail('D_OP_INCOMPAT', `operands have incompatible types: "${base.t.name}" + "${ix.t.name}"`, e.loc);
    return this.deref(this.ptrArith('+', base, ix), e.loc);
  }

  private argsRef(e: A.Index): X {
    if (e.index.length !== 1) fail('D_PROTO_LEN', `args[ ] prototype mismatch: ${e.index.length} args passed, 1 expected`, e.loc);
    const ix = this.expr(e.index[0]!);
    if (ix.cv === undefined || typeof ix.cv === 'string') {
      fail('D_PROTO_ARG', `args[ ] argument #1 is incompatible with prototype:\n\tprototype: integer constant\n\t argument: ${ix.t.name}`, e.loc);
    }
    if (!this.inClause || !this.desc) fail('D_ARGS_NONE', 'args[ ] may not be referenced outside of a probe clause', e.loc);
    const d = this.desc;
    if (!this.probeCtx) {
      fail('D_ARGS_MULTI', `args[ ] may not be referenced because probe description ${descStr(d)} matches an unstable set of probes`, e.loc);
    }
    const n = Number(ix.cv);
    const p = this.probeCtx;
    if (n < 0 || n >= p.argTypes.length) {
      fail('D_ARGS_IDX', `index ${n} is out of range for ${descStr(d)} args[ ]`, e.loc);
    }
    const t = p.argTypes[n]!;
    return { t, ev: (c) => c.args[n] };
  }

  private assocRef(v: VarSym, e: A.Index, assignType?: DType): X {
    const keys = e.index.map((k) => this.expr(k));
    const prefix = '';
    if (v.keyTypes === undefined) {
      keys.forEach((k, i) => {
        if (isVoid(k.t) || k.agg || k.dyn) fail('D_KEY_TYPE', `${k.t.name} expression may not be used as array index: key #${i + 1}`, e.loc);
      });
      v.keyTypes = keys.map((k) => k.t);
    } else {
      if (keys.length !== v.keyTypes.length) {
        // An associative array's signature is in keys (dtrace-utils test/unittest/assocs/err.D_PROTO_LEN.*.r).
        fail('D_PROTO_LEN', `${prefix}${v.name}[ ] prototype mismatch: ${keys.length} key${keys.length === 1 ? ' ' : 's '}passed, ${v.keyTypes.length} expected`, e.loc);
      }
      keys.forEach((k, i) => {
        if (!argCompat(v.keyTypes![i]!, k.t)) {
          fail('D_PROTO_ARG', `${v.name}[ ] key #${i + 1} is incompatible with prototype:\n\tprototype: ${v.keyTypes![i]!.name}\n\t      key: ${k.t.name}`, e.loc);
        }
      });
    }
    if (v.type === undefined) {
      if (!assignType) {
        fail('D_VAR_UNDEF', `${v.scope === 'tls' ? 'self->' : ''}${v.name} has not yet been declared or assigned`, e.loc);
      }
      v.type = assignType;
    }
    const t = v.type;
    const keyEv = this.keyClosure(keys.map((k, i) => this.tupleKey(this.coerce(k, v.keyTypes![i]!))), v.scope === 'tls');
    const rt = this.env.rt;
    const m = (rt.assocs[v.id] ??= new Map());
    const z = zeroOf(t);
    const chunk = this.chunkSize(v.keyTypes!, t);
    const vr = resolve(t);
    if (vr.kind === 'struct' || vr.kind === 'union' || (vr.kind === 'array' && !isCharArrayOrPtr(t))) {
      // Struct-valued elements live in memory: the element is its address, allocated on first use.
      const size = sizeOf(t);
      const addrOf: IntEv = (c) => {
        const k = keyEv(c);
        let a = m.get(k) as number | undefined;
        if (a === undefined) {
          if (rt.dynBytes + chunk > rt.limits.dynvarsize) { rt.dynDrops++; return fault(FLT_BADADDR, 0); }
          rt.dynBytes += chunk;
          a = rt.alloc(size);
          m.set(k, a);
        }
        return a;
      };
      return { t, ev: addrOf, lv: { kind: 'mem', writable: true, addr: addrOf } };
    }
    // An unset dynamic variable reads as 0: for a string, the NULL string.
    const zd = z === '' ? NULL_STR : z;
    const ev: Ev = (c) => { const x = m.get(keyEv(c)); return x === undefined ? zd : x; };
    const set = (c: FireCtx, val: unknown): void => rt.dynSet(m, keyEv(c), val, chunk);
    return { t, ev, lv: { kind: 'var', writable: true, set } };
  }

  /**
   * A key of an associative array or aggregation tuple. A string key is
   * copied into the tuple by reading its characters (dtrace.c: DIF_OP_PUSHTR
   * takes dtrace_strlen() of it; an aggregation key record is stored by
   * dtrace_store_by_ref()), so the NULL string faults there as a load from
   * address 0 does, and "" is an ordinary key.
   */
  private tupleKey(x: X): X {
    if (!isString(x.t)) return x;
    const sv = x.ev as StrEv;
    return { ...x, ev: (c) => { const v = sv(c); return v === NULL_STR ? fault(FLT_BADADDR, 0) : v; } };
  }

  /** A closure computing a Map key for a tuple: the value itself for one key, else a joined string. */
  private keyClosure(keys: X[], tls: boolean): (c: FireCtx) => unknown {
    const evs = keys.map((k) => k.ev);
    if (!tls && evs.length === 1) return evs[0]!;
    if (!tls && evs.length === 0) return () => '';
    if (tls) {
      return (c) => { let s = String(c.tid); for (let i = 0; i < evs.length; i++) s += '\0' + String(evs[i]!(c)); return s; };
    }
    return (c) => { let s = String(evs[0]!(c)); for (let i = 1; i < evs.length; i++) s += '\0' + String(evs[i]!(c)); return s; };
  }

  private inlineArray(e: A.Index, name: string): X {
    const inl = this.syms.consts.get(name) as { expr: A.Expr; type: DType; params: { name: string; type: DType }[] | null };
    const params = inl.params ?? [];
    if (e.index.length !== params.length) fail('D_PROTO_LEN', `${name}[ ] prototype mismatch: ${e.index.length} args passed, ${params.length} expected`, e.loc);
    // Substitute the parameters by their argument expressions (dtrace inlines by substitution).
    const subst = new Map<string, A.Expr>();
    params.forEach((p, i) => subst.set(p.name, e.index[i]!));
    const body = cloneExpr(inl.expr, subst);
    return this.coerce(this.expr(body), inl.type);
  }

  private member(e: A.Member): X {
    const obj = this.expr(e.object);
    let st = resolve(obj.t);
    if (e.op === '->') {
      if (st.kind !== 'pointer') fail('D_OP_PTR', `operator -> must be applied to a pointer`, e.loc);
      st = resolve(st.to);
      if (st.kind !== 'struct' && st.kind !== 'union') {
        fail('D_OP_SOU', `operator -> cannot be applied to pointer to type "${st.name}"; must be applied to a struct or union pointer`, e.loc);
      }
    } else if (st.kind !== 'struct' && st.kind !== 'union') {
      fail('D_OP_SOU', `operator . cannot be applied to type "${st.name}"; must be applied to a struct or union`, e.loc);
    }
    const s = this.completeStruct(st as StructType, e);
    const m = findMember(s, e.member);
    if (!m) fail('D_TYPE_MEMBER', `${e.member} is not a member of ${s.name}`, e.loc);
    if (TRANSLATED.has(s)) {
      const prop = MEMBER_ALIASES.get(`${s.tag}.${e.member}`) ?? e.member;
      const ev = obj.ev;
      return {
        t: m.type,
        ev: (c) => { const o = ev(c) as Record<string, unknown> | null; if (o === null || typeof o !== 'object') fault(FLT_BADADDR, 0); return o[prop]; },
        lv: { kind: 'member-xl', writable: false },
      };
    }
    const base = obj.ev as IntEv;
    const off = m.offset;
    const addr: IntEv = off === 0 ? base : (c) => { const a = base(c); if (a === 0) fault(FLT_BADADDR, 0); return (a as number) + off; };
    if (m.bits !== undefined) {
      const rt = this.env.rt;
      const it = intInfo(m.type);
      const bo = m.bitOffset!, w = m.bits;
      const usize = it.size;
      return {
        t: m.type, bitfield: true,
        ev: (c) => {
          const a = addr(c);
          const raw = BigInt(rt.load(a, usize, false));
          let v = (raw >> BigInt(bo)) & ((1n << BigInt(w)) - 1n);
          if (it.signed && (v >> BigInt(w - 1)) & 1n) v -= 1n << BigInt(w);
          return I.canon(v);
        },
      };
    }
    return this.memValue(m.type, addr, obj.lv?.writable ?? true);
  }

  private completeStruct(s: StructType, e: A.Member): StructType {
    if (s.complete) return s;
    const full = this.types.lookupTag(s.kind, s.tag);
    if (full && full.kind !== 'enum' && full.complete) return full;
    return fail('D_OP_INCOMPLETE', `operator ${e.op} cannot be applied to a forward declaration: no ${s.name} definition is available`, e.loc);
  }

  // ---------------------------------------------------------------- calls

  private call(e: A.Call): X {
    if (e.callee.kind !== 'Ident') fail('D_FUNC_IDENT', 'function designator is not of function type', e.loc);
    const name = e.callee.name;
    const f = BUILTIN_FUNCS.get(name);
    if (!f) {
      if (this.syms.globals.has(name) || this.syms.consts.has(name)) fail('D_FUNC_IDKIND', `${name} is not a function`, e.loc);
      return fail('D_FUNC_UNDEF', `undefined function name: ${name}`, e.loc);
    }
    if (f.kind === 'aggfunc') return { t: T_VOID, ev: () => 0, agg: true };
    if (f.kind === 'action' || f.kind === 'destructive') {
      if (name === 'stack' || name === 'ustack' || name === 'jstack') {
        this.checkArgs(name, f.proto, e.args.map((a) => this.expr(a)), e.loc);
        const ctx = this.env.rt.ctx;
        this.env.rt.usesStack = true;
        return { t: STACK_TYPE, ev: () => ctx.stackLines };
      }
      if (name === 'func' || name === 'mod' || name === 'sym' || name === 'ufunc' || name === 'umod' || name === 'usym' || name === 'uaddr') {
        const x = this.checkArgs(name, f.proto, e.args.map((a) => this.expr(a)), e.loc);
        return { t: name.startsWith('u') ? USYMADDR_TYPE : SYMADDR_TYPE, ev: x[0]!.ev };
      }
      // An action used inside an expression: a void value the enclosing operator rejects (D_OP_ACT, D_OP_ARITH …).
      // Its arguments are cooked against its prototype first (dt_idcook_func), so D_PROTO_LEN comes before D_OP_ACT.
      this.checkArgs(name, f.proto, e.args.map((a) => this.expr(a)), e.loc);
      return { t: T_VOID, ev: () => 0, act: true };
    }
    const args = e.args.map((a) => this.expr(a));
    this.checkArgs(name, f.proto, args, e.loc);
    return this.subr(name, args, e);
  }

  /** dt_idcook_sign: argument count and types against the prototype. */
  private checkArgs(name: string, proto: string, args: X[], loc: A.Span, prefix = '', suffix = '( )'): X[] {
    const p = parseProto(proto);
    const argc = args.length;
    let mismatch: boolean, arglimit: number;
    if (p.varargsAt >= 0) { mismatch = argc < p.varargsAt; arglimit = p.varargsAt; }
    else if (p.optFrom >= 0) { mismatch = argc < p.optFrom || argc > p.params.length; arglimit = argc; }
    else { mismatch = argc !== p.params.length; arglimit = p.params.length; }
    if (mismatch) {
      // Too many arguments to a function with optional ones: "at most" (dtrace-utils substr_too_many_args.r).
      const bound = p.optFrom < 0 ? `${arglimit}` : argc > p.params.length ? `at most ${p.params.length}` : `at least ${p.optFrom}`;
      fail('D_PROTO_LEN', `${prefix}${name}${suffix} prototype mismatch: ${argc} arg${argc === 1 ? ' ' : 's '}passed, ${bound} expected`, loc);
    }
    for (let i = 0; i < arglimit; i++) {
      const want = p.params[i]!;
      if (want === '@' || want === '...') continue;
      const wt = this.protoType(want);
      const a = args[i]!;
      if (!a.agg && isInteger(a.t) && a.cv == 0 && (isPointer(wt) || isString(wt))) continue; // NULL
      if (a.agg || !argCompat(wt, a.t)) {
        fail('D_PROTO_ARG', `${prefix}${name}${suffix} argument #${i + 1} is incompatible with prototype:\n\tprototype: ${wt.name}\n\t argument: ${a.agg ? 'void' : a.t.name}`, loc);
      }
    }
    return args;
  }

  private protoType(s: string): DType {
    const t = s.replace(/^const /, '');
    // The qualifier does not show in messages: the published .r files print "prototype: char *"
    // for strtok( ) and substr( ) (dtrace-utils funcs/strtok, funcs/substr err.D_PROTO_ARG.*).
    return this.types.parse(t);
  }

  private subr(name: string, args: X[], e: A.Call): X {
    const rt = this.env.rt;
    const s = (i: number): StrEv => this.derefStringEv(args[i]!);
    const n = (i: number): IntEv => this.asInt(args[i]!, T_LONG);
    const strsize = this.strsize;
    const lib = subrLib;
    switch (name) {
      case 'strlen': { const a = s(0); return { t: TYPE_SIZE, ev: (c) => { const x = a(c); return x.length < strsize ? x.length : strsize; } }; }
      case 'strjoin': { const a = s(0), b = s(1); return { t: T_STRING, ev: (c) => lib.strjoin(a(c), b(c), strsize) }; }
      case 'substr': {
        const a = s(0), i = n(1), l = args.length > 2 ? n(2) : null;
        return { t: T_STRING, ev: (c) => lib.substr(a(c), i(c), l ? l(c) : undefined, strsize) };
      }
      case 'index': case 'rindex': {
        const a = s(0), b = s(1), st = args.length > 2 ? n(2) : null;
        const f = name === 'index' ? lib.index : lib.rindex;
        return { t: T_INT, ev: (c) => f(a(c), b(c), st ? st(c) : undefined, strsize) };
      }
      case 'strchr': case 'strrchr': {
        const a = s(0), ch = this.asInt(args[1]!, T_CHAR);
        const f = name === 'strchr' ? lib.strchr : lib.strrchr;
        return { t: T_STRING, ev: (c) => f(a(c), ch(c), strsize) };
      }
      case 'strstr': { const a = s(0), b = s(1); return { t: T_STRING, ev: (c) => lib.strstr(a(c), b(c), strsize) }; }
      case 'strtok': {
        const a = s(0), b = s(1);
        const aNull = isInteger(args[0]!.t) && args[0]!.cv == 0;
        const bNull = isInteger(args[1]!.t) && args[1]!.cv == 0;
        const st = rt.strtokState;
        // A NULL delimiter string, or strtok(NULL, ...) with no saved position (none yet in this firing,
        // or the last token taken), reads address 0: invalid address (dtrace-utils tst.strtok_null*.d).
        if (bNull) return { t: T_STRING, ev: () => fault(FLT_BADADDR, 0) };
        if (aNull) return { t: T_STRING, ev: (c) => (st.rest === null ? fault(FLT_BADADDR, 0) : lib.strtok(st, null, b(c), strsize)) };
        return { t: T_STRING, ev: (c) => lib.strtok(st, a(c), b(c), strsize) };
      }
      case 'lltostr': {
        const v = this.asInt(args[0]!, T_LONG), base = args.length > 1 ? n(1) : null;
        return { t: T_STRING, ev: (c) => lib.lltostr(v(c), base ? base(c) : undefined, strsize) };
      }
      case 'strtoll': {
        const a = s(0), base = args.length > 1 ? n(1) : null;
        return { t: TYPE_INT64, ev: (c) => lib.strtoll(a(c), base ? base(c) : undefined, strsize) };
      }
      case 'toupper': { const a = s(0); return { t: T_STRING, ev: (c) => lib.toupper(a(c), strsize) }; }
      case 'tolower': { const a = s(0); return { t: T_STRING, ev: (c) => lib.tolower(a(c), strsize) }; }
      case 'basename': { const a = s(0); return { t: T_STRING, ev: (c) => lib.basename(a(c), strsize) }; }
      case 'dirname': { const a = s(0); return { t: T_STRING, ev: (c) => lib.dirname(a(c), strsize) }; }
      case 'cleanpath': { const a = s(0); return { t: T_STRING, ev: (c) => lib.cleanpath(a(c), strsize) }; }
      case 'htons': case 'ntohs': { const a = this.asInt(args[0]!, intInfo(this.types.parse('uint16_t'))); return { t: this.types.parse('uint16_t'), ev: (c) => { const v = a(c) as number; return ((v & 0xff) << 8) | (v >> 8); } }; }
      case 'htonl': case 'ntohl': {
        const a = this.asInt(args[0]!, T_UINT);
        return { t: this.types.parse('uint32_t'), ev: (c) => { const v = a(c) as number; return (((v & 0xff) << 24) | ((v & 0xff00) << 8) | ((v >>> 8) & 0xff00) | (v >>> 24)) >>> 0; } };
      }
      case 'htonll': case 'ntohll': {
        const a = this.asInt(args[0]!, T_ULONG);
        return { t: TYPE_UINT64, ev: (c) => { const v = BigInt(a(c)); let r = 0n; for (let i = 0n; i < 8n; i++) r = (r << 8n) | ((v >> (i * 8n)) & 0xffn); return I.canon(r); } };
      }
      case 'inet_ntoa': {
        const a = args[0]!.ev as IntEv;
        return { t: T_STRING, ev: (c) => { const p = a(c); if (p === 0) fault(FLT_BADADDR, 0); const b = rt.loadBytes(p, 4); return `${b[0]}.${b[1]}.${b[2]}.${b[3]}`; } };
      }
      case 'inet_ntoa6': {
        const a = args[0]!.ev as IntEv;
        return { t: T_STRING, ev: (c) => { const p = a(c); if (p === 0) fault(FLT_BADADDR, 0); return lib.ntop6(rt.loadBytes(p, 16)); } };
      }
      case 'inet_ntop': {
        const af = this.asInt(args[0]!, T_INT), a = args[1]!.ev as IntEv;
        return {
          t: T_STRING, ev: (c) => {
            const f = af(c); const p = a(c); if (p === 0) fault(FLT_BADADDR, 0);
            if (f === 2) { const b = rt.loadBytes(p, 4); return `${b[0]}.${b[1]}.${b[2]}.${b[3]}`; }
            if (f === 26 || f === 10) return lib.ntop6(rt.loadBytes(p, 16));
            return fault(FLT_ILLOP, 0);
          },
        };
      }
      case 'rand': return { t: T_INT, ev: () => rt.rand() };
      case 'speculation': return { t: T_INT, ev: () => this.speculation() };
      case 'alloca': {
        const sz = this.asInt(args[0]!, T_ULONG);
        return { t: pointerTo(T_VOID), ev: (c) => rt.alloc(Number(sz(c))) };
      }
      case 'bcopy': {
        const src = args[0]!.ev as IntEv, dst = args[1]!.ev as IntEv, sz = this.asInt(args[2]!, T_ULONG);
        return { t: T_VOID, ev: (c) => { rt.storeBytes(dst(c), rt.loadBytes(src(c), Number(sz(c))).slice()); return 0; } };
      }
      default: {
        const f = BUILTIN_FUNCS.get(name)!;
        const rtT = parseProto(f.proto).ret;
        const t = rtT === 'void' ? T_VOID : this.types.parse(rtT);
        void e;
        return { t, ev: () => fault(FLT_BADADDR, 0) };
      }
    }
  }

  private speculation(): number {
    const rt = this.env.rt;
    for (let i = 0; i < rt.specs.length; i++) {
      const s = rt.specs[i]!;
      if (!s.active && s.pending === null) { s.active = true; s.chunks.length = 0; s.bytes = 0; return i + 1; }
    }
    rt.specUnavail++;
    return 0;
  }

  // ================================================================ aggregations

  private aggStatement(a: A.Agg, value: A.Expr, op: string, e: A.Expr): Stmt {
    const name = a.name;
    if (op !== '=') fail('D_AGG_FUNC', `@${name} must be assigned the result of an aggregating function`, e.loc);
    if (value.kind !== 'Call' || value.callee.kind !== 'Ident' || BUILTIN_FUNCS.get(value.callee.name)?.kind !== 'aggfunc') {
      fail('D_AGG_FUNC', `@${name} must be assigned the result of an aggregating function`, e.loc);
    }
    const fname = value.callee.name;
    let sym = this.syms.aggs.get(name);
    if (sym && sym.func !== undefined && sym.func !== fname) {
      fail('D_AGG_REDEF', `aggregation redefined: @${name}\n\t current: @${name} = ${fname}( )\n\tprevious: @${name} = ${sym.func}( ) : line ${sym.line}`, e.loc);
    }
    const keys = (a.keys ?? []).map((k) => this.expr(k));
    keys.forEach((k, i) => {
      if ((isVoid(k.t) && k.t !== STACK_TYPE) || k.agg || k.dyn) fail('D_KEY_TYPE', `${k.agg ? 'void' : k.t.name} expression may not be used as aggregation index: key #${i + 1}`, a.loc);
    });
    if (!sym) {
      sym = { name, id: -1, func: fname, keyTypes: keys.map((k) => k.t), line: e.loc.line };
      this.syms.aggs.set(name, sym);
    } else {
      if (sym.keyTypes === undefined) sym.keyTypes = keys.map((k) => k.t);
      else {
        if (keys.length !== sym.keyTypes.length) {
          fail('D_PROTO_LEN', `@${name}[ ] prototype mismatch: ${keys.length} arg${keys.length === 1 ? ' ' : 's '}passed, ${sym.keyTypes.length} expected`, a.loc);
        }
        keys.forEach((k, i) => {
          if (!argCompat(sym!.keyTypes![i]!, k.t)) {
            fail('D_PROTO_ARG', `@${name}[ ] argument #${i + 1} is incompatible with prototype:\n\tprototype: ${sym!.keyTypes![i]!.name}\n\t argument: ${k.t.name}`, a.loc);
          }
        });
      }
      sym.func ??= fname;
    }
    const args = value.args.map((x) => this.expr(x));
    const f = BUILTIN_FUNCS.get(fname)!;
    this.checkArgs(fname, f.proto, args, value.loc);
    if (args.length > 0 && (!isScalar(args[0]!.t) || args[0]!.agg)) {
      fail('D_AGG_SCALAR', `${fname}( ) argument #1 must be of scalar type`, value.loc);
    }
    const params = this.aggParams(fname, args, value, sym.id >= 0 ? this.env.aggs.params(sym.id) : undefined);
    if (sym.id < 0) sym.id = this.env.aggs.declare(name, fname, sym.keyTypes!, params);
    const id = sym.id;
    const aggs = this.env.aggs;
    const val = args.length > 0 ? this.asInt(isInteger(args[0]!.t) ? args[0]! : { ...args[0]!, t: T_ULONG, ev: this.ptrAsInt(args[0]!) }, T_LONG) : null;
    const incrArg = fname === 'quantize' ? args[1] : fname === 'lquantize' ? args[4] : fname === 'llquantize' ? args[5] : undefined;
    const incr = incrArg ? this.asInt(incrArg, T_LONG) : null;
    const keyEvs = keys.map((k, i) => {
      const ev = this.tupleKey(this.coerce(k, sym!.keyTypes![i]!)).ev;
      if (k.t !== STACK_TYPE) return ev;
      // A stack key is kind 'stack': its frames joined by '\n' into one string (the library's key format).
      return (c: FireCtx) => (ev(c) as readonly string[]).join('\n');
    });
    if (keyEvs.length === 0) {
      const h = aggs.handle(id);
      if (!val) return () => { h.add(1, 1); };
      if (incr) return (c) => { h.add(val(c), incr(c)); };
      return (c) => { h.add(val(c), 1); };
    }
    const kbuf: unknown[] = new Array<unknown>(keyEvs.length);
    return (c) => {
      for (let i = 0; i < keyEvs.length; i++) kbuf[i] = keyEvs[i]!(c);
      aggs.update(id, kbuf, val ? val(c) : 1, incr ? incr(c) : 1);
    };
  }

  /** Constant parameters of lquantize/llquantize, checked by the library as dt_cc.c checks them. */
  private aggParams(fname: string, args: X[], call: A.Call, previous?: AggParams): AggParams {
    if (fname !== 'lquantize' && fname !== 'llquantize') return {};
    const consts = args.slice(1, fname === 'lquantize' ? 4 : 5).map((x) => (x.cv !== undefined && typeof x.cv !== 'string' ? Number(x.cv) : null));
    const r = fname === 'lquantize' ? checkLquantize(consts, previous) : checkLlquantize(consts, previous);
    if (isAggCheckError(r)) fail(r.tag as 'D_LQUANT_BASETYPE', r.message, call.loc);
    return r;
  }

  // ================================================================ actions

  private action(name: string, kind: string, e: A.Call): Stmt {
    const out = this.env.out;
    const quiet = this.env.quiet;
    if (kind === 'destructive') {
      const args = e.args.map((a) => this.expr(a));
      this.checkArgs(name, BUILTIN_FUNCS.get(name)!.proto, args, e.loc);
      // dtrace compiles destructive actions and refuses to enable them without -w; wiretrace refuses them always.
      this.destructive.push(name);
      return () => undefined;
    }
    const f = BUILTIN_FUNCS.get(name)!;
    switch (name) {
      case 'trace': case 'print': {
        const args = e.args.map((a) => this.expr(a));
        this.checkArgs(name, f.proto, args, e.loc);
        const x = args[0]!;
        if (x.agg || isVoid(x.t)) fail('D_TRACE_VOID', `${name}( ) may not be applied to a void expression`, e.loc);
        if (e.args[0]!.kind === 'Agg') fail('D_TRACE_DYN', `${name}( ) may not be applied to a dynamic expression`, e.loc);
        const r = resolve(x.t);
        if (r.kind === 'string' || isCharArrayOrPtr(x.t) && r.kind === 'array') {
          const sv = this.derefStringEv(x);
          const n = this.strsize;
          return (c) => { out.push(traceString(sv(c), n, quiet())); };
        }
        if (r.kind === 'int' || r.kind === 'enum' || r.kind === 'pointer') {
          const size = r.kind === 'int' ? r.size : r.kind === 'enum' ? 4 : 8;
          const signed = r.kind === 'int' ? r.signed : r.kind === 'enum';
          const ev = r.kind === 'pointer' ? this.ptrAsInt(x) : (x.ev as IntEv);
          return (c) => { out.push(traceInt(ev(c) as DInt, size, signed, quiet())); };
        }
        if (r.kind === 'struct' || r.kind === 'union' || r.kind === 'array') {
          if (TRANSLATED.has(r as StructType)) fail('D_TRACE_DYN', `${name}( ) may not be applied to a translated type`, e.loc);
          const size = sizeOf(x.t);
          const ev = x.ev as IntEv;
          const rt = this.env.rt;
          return (c) => { out.push(hexDump(rt.loadBytes(ev(c), size))); };
        }
        if (r.kind === 'float') { const ev = x.ev; return (c) => { out.push(String(ev(c))); }; }
        return fail('D_TRACE_DYN', `${name}( ) may not be applied to a dynamic expression`, e.loc);
      }
      case 'printf': return this.printfAction(e, out);
      case 'printa': return this.printaAction(e, out);
      case 'exit': {
        const args = e.args.map((a) => this.expr(a));
        this.checkArgs(name, f.proto, args, e.loc);
        const v = this.asInt(args[0]!, T_INT);
        return (c) => { out.recorded = true; out.exitStatus = Number(v(c)); };
      }
      case 'tracemem': {
        const args = e.args.map((a) => this.expr(a));
        this.checkArgs(name, f.proto, args, e.loc);
        if (!isPointer(args[0]!.t) && !isInteger(args[0]!.t)) fail('D_TRACEMEM_ADDR', 'tracemem( ) argument #1 is incompatible with prototype:\n\tprototype: pointer or integer\n\t argument: ' + args[0]!.t.name, e.loc);
        if (args[1]!.cv === undefined) fail('D_TRACEMEM_SIZE', 'tracemem( ) argument #2 must be a non-zero positive integral constant expression', e.loc);
        const size = Number(args[1]!.cv);
        if (size <= 0) fail('D_TRACEMEM_SIZE', 'tracemem( ) argument #2 must be a non-zero positive integral constant expression', e.loc);
        const a = args[0]!.ev as IntEv;
        const dyn = args.length > 2 ? this.asInt(args[2]!, T_LONG) : null;
        const rt = this.env.rt;
        return (c) => {
          let n = size;
          if (dyn) { const d = Number(dyn(c)); if (d >= 0 && d < n) n = d; }
          out.push(hexDump(rt.loadBytes(a(c), n)));
        };
      }
      case 'stack': case 'ustack': case 'jstack': {
        const args = e.args.map((a) => this.expr(a));
        this.checkArgs(name, f.proto, args, e.loc);
        const ctx = this.env.rt.ctx;
        if (name === 'stack') this.env.rt.usesStack = true;
        // ustack()/jstack(): no user process sends packets here, so the user stack is empty and
        // prints as dtrace prints an empty one (a kernel thread's): the newline alone.
        if (name !== 'stack') return () => { out.push('\n'); };
        const indent = Number(this.env.opt('stackindent') ?? STACK_INDENT) || STACK_INDENT;
        return () => { out.push(formatStackDefault(ctx.stackLines, indent)); };
      }
      case 'speculate': {
        const args = e.args.map((a) => this.expr(a));
        this.checkArgs(name, f.proto, args, e.loc);
        const v = this.asInt(args[0]!, T_INT);
        const rt = this.env.rt;
        return (c) => {
          const id = Number(v(c));
          const s = id >= 1 ? rt.specs[id - 1] : undefined;
          if (!s || !s.active) { if (id !== 0) rt.specDrops++; out.spec = null; return; }
          out.spec = s;
        };
      }
      case 'commit': case 'discard': {
        const args = e.args.map((a) => this.expr(a));
        this.checkArgs(name, f.proto, args, e.loc);
        const v = this.asInt(args[0]!, T_INT);
        const rt = this.env.rt;
        const mode = name;
        return (c) => {
          const id = Number(v(c));
          const s = id >= 1 ? rt.specs[id - 1] : undefined;
          if (!s) return;
          if (s.active) { s.pending = mode; s.active = false; rt.specPending = true; rt.specSettle.push(s); }
        };
      }
      case 'clear': case 'trunc': case 'normalize': case 'denormalize': {
        const tag = name.toUpperCase();
        if (e.args.length === 0) fail(`D_${tag}_PROTO` as 'D_CLEAR_PROTO', `${name}( ) prototype mismatch: too few arguments`, e.loc);
        const a0 = e.args[0]!;
        if (a0.kind !== 'Agg' || a0.keys !== null) fail(`D_${tag}_AGGARG` as 'D_CLEAR_AGGARG', `${name}( ) argument #1 is incompatible with prototype:\n\tprototype: aggregation\n\t argument: ${a0.kind === 'Agg' ? 'aggregation' : this.expr(a0).t.name}`, e.loc);
        const sym = this.syms.aggs.get(a0.name);
        if (!sym) fail(`D_${tag}_AGGBAD` as 'D_CLEAR_AGGBAD', `undefined aggregation: @${a0.name}`, e.loc);
        const n = e.args.length > 1 ? this.asInt(this.expr(e.args[1]!), T_LONG) : null;
        if ((name === 'normalize') && e.args.length !== 2) fail('D_NORMALIZE_PROTO', `normalize( ) prototype mismatch: ${e.args.length} args passed, 2 expected`, e.loc);
        const id = sym.id;
        const mode = name as 'clear' | 'trunc' | 'normalize' | 'denormalize';
        return (c) => { this.env.clearAgg(id, mode, n ? n(c) : (mode === 'trunc' ? 0 : 1)); out.recorded = true; };
      }
      case 'setopt': {
        const args = e.args.map((a) => this.expr(a));
        this.checkArgs(name, f.proto, args, e.loc);
        const a = this.toStringEv(args[0]!), b = args.length > 1 ? this.toStringEv(args[1]!) : null;
        return (c) => { this.env.setopt(a(c), b ? b(c) : undefined); };
      }
      case 'ftruncate': return () => { out.recorded = true; };
      case 'func': case 'mod': case 'sym': case 'ufunc': case 'umod': case 'usym': case 'uaddr': {
        const x = this.call(e);
        const ev = x.ev as IntEv;
        return (c) => { out.push(quiet() ? '0x' + BigInt(ev(c)).toString(16) : '  ' + ('0x' + BigInt(ev(c)).toString(16)).padEnd(33)); };
      }
      case 'printm': return () => { out.recorded = true; };
    }
    return fail('D_UNKNOWN', `unknown action ${name}`, e.loc);
  }

  private formatArgs(e: A.Call, from: number): { types: DType[]; evs: Ev[] } {
    const types: DType[] = [];
    const evs: Ev[] = [];
    for (let i = from; i < e.args.length; i++) {
      const a = e.args[i]!;
      if (a.kind === 'Agg') { types.push(AGG_TYPE); evs.push(() => 0); continue; }
      const x = this.expr(a);
      if (x.agg) { types.push(T_VOID); evs.push(() => 0); continue; }
      types.push(x.t);
      const r = resolve(x.t);
      if (r.kind === 'array' && isCharArrayOrPtr(x.t)) evs.push(this.toStringEv(x));
      else if (r.kind === 'string') evs.push(this.derefStringEv(x));
      else if (r.kind === 'pointer') evs.push(this.ptrAsInt(x));
      else evs.push(x.ev);
    }
    return { types, evs };
  }

  private printfAction(e: A.Call, out: ClauseOutput): Stmt {
    if (e.args.length === 0) fail('D_PROTO_LEN', 'printf( ) prototype mismatch: 0 args passed, at least 1 expected', e.loc);
    const f0 = e.args[0]!;
    if (f0.kind !== 'StringLit') {
      const x = this.expr(f0);
      // Not a string: the prototype check (D_PROTO_ARG); a string but not a constant: dt_printf's own check.
      if (isString(x.t)) fail('D_PRINTF_ARG_FMT', `printf( ) argument #1 is incompatible with prototype:\n\tprototype: string constant\n\t argument: ${x.t.name}`, e.loc);
      fail('D_PROTO_ARG', `printf( ) argument #1 is incompatible with prototype:\n\tprototype: string\n\t argument: ${x.t.name}`, e.loc);
    }
    const pf = parseFormat(f0.value);
    // dt_printf_create reports a malformed format with yyerror: D_SYNTAX, without the function's name.
    if (isFormatError(pf)) return fail('D_SYNTAX', pf.message.replace(/^printf\( \) /, ''), e.loc);
    const { types, evs } = this.formatArgs(e, 1);
    const err = checkFormat(pf, types.map((t) => typeDesc(t, this.strsize)), { func: 'printf', foff: 1, exactLen: true });
    if (err) fail(err.tag as 'D_PRINTF_ARG_TYPE', err.message, e.loc);
    const vals: PfValue[] = new Array<PfValue>(evs.length);
    const n = this.strsize - 1;
    const fctx = this.env.formatContext ?? {};
    return (c) => {
      for (let i = 0; i < evs.length; i++) {
        const v = evs[i]!(c) as PfValue;
        vals[i] = typeof v === 'string' && v.length > n ? v.slice(0, n) : v;
      }
      out.push(formatValues(pf, vals, fctx));
    };
  }

  private printaAction(e: A.Call, out: ClauseOutput): Stmt {
    if (e.args.length === 0) fail('D_PRINTA_PROTO', 'printa( ) prototype mismatch: 0 args passed, at least 1 expected', e.loc);
    let i = 0;
    let pf: ParsedFormat | null = null;
    const a0 = e.args[0]!;
    if (a0.kind === 'StringLit') {
      const p = parseFormat(a0.value);
      if (isFormatError(p)) return fail('D_SYNTAX', p.message.replace(/^printf\( \) /, ''), e.loc);
      pf = p;
      i = 1;
    } else if (a0.kind !== 'Agg') {
      const x = this.expr(a0);
      fail('D_PRINTA_AGGARG', `printa( ) argument #1 is incompatible with prototype:\n\tprototype: aggregation\n\t argument: ${x.t.name}`, e.loc);
    }
    const ids: number[] = [];
    let first: { keyTypes: DType[]; func: string; name: string } | null = null;
    for (; i < e.args.length; i++) {
      const a = e.args[i]!;
      if (a.kind !== 'Agg') {
        const x = this.expr(a);
        fail('D_PRINTA_AGGARG', `printa( ) argument #${i + 1} is incompatible with prototype:\n\tprototype: aggregation\n\t argument: ${x.t.name}`, e.loc);
      }
      if (a.keys !== null) fail('D_PRINTA_AGGBAD', `printa( ) argument #${i + 1} is incompatible with prototype:\n\tprototype: aggregation\n\t argument: ${'aggregation'}`, e.loc);
      const sym = this.syms.aggs.get(a.name);
      if (!sym || sym.id < 0) fail('D_PRINTA_AGGBAD', `undefined aggregation: @${a.name}`, e.loc);
      if (first && sym.keyTypes!.length !== first.keyTypes.length) {
        // dt_cc.c dt_action_printa: the key counts differ.
        const k = (n: number): string => `${n} key${n === 1 ? '' : 's'}`;
        fail('D_PRINTA_AGGKEY', `printa( ): @${first.name} and @${a.name} do not have matching key signatures: @${first.name} has ${k(first.keyTypes.length)}, @${a.name} has ${k(sym.keyTypes!.length)}`, e.loc);
      }
      if (first) {
        // dt_action_printa: keys are compared position by position ("%9s key #%d: %s").
        for (let k = 0; k < first.keyTypes.length; k++) {
          const ft = first.keyTypes[k]!, kt = sym.keyTypes![k]!;
          if (!argCompat(ft, kt)) {
            fail('D_PRINTA_AGGPROTO', `printa( ): @${a.name}[ ] key #${k + 1} is incompatible with @${first.name}:\n${first.name.padStart(9)} key #${k + 1}: ${ft.name}\n${a.name.padStart(9)} key #${k + 1}: ${kt.name}`, e.loc);
          }
        }
      }
      first ??= { keyTypes: sym.keyTypes!, func: sym.func!, name: a.name };
      ids.push(sym.id);
    }
    if (ids.length === 0) fail('D_PRINTA_PROTO', `printa( ) prototype mismatch: ${e.args.length} args passed, 2 expected`, e.loc);
    if (pf) {
      const err = checkFormat(pf, first!.keyTypes.map((t) => typeDesc(t, this.strsize)), { func: 'printa', foff: 1, aggregation: true, aggFunc: first!.func });
      if (err) fail(err.tag as 'D_PRINTF_ARG_TYPE', err.message, e.loc);
    }
    const env = this.env;
    return () => { out.push(env.printa(pf, ids)); };
  }

  // ================================================================ constants

  /** Evaluate an integer constant expression (array sizes, enum values, bit-field widths). */
  constInt(e: A.Expr): bigint {
    const x = this.expr(e);
    if (x.cv === undefined || typeof x.cv === 'string') fail('D_DECL_ARRSUB', 'expression must be an integer constant', e.loc);
    return BigInt(x.cv);
  }
}

// ================================================================ helpers

/**
 * dt_node_is_arith: integers and enums only. D has floating-point types but
 * no floating-point operators ("Floating-point operators are not supported
 * in D" — Dynamic Tracing Guide, Types, Operators and Expressions): a float
 * can be traced and printed, not computed with.
 */
function isDArith(t: DType): boolean {
  return isArith(t) && resolve(t).kind !== 'float';
}

/** dt_node_int: the type of an integer literal. */
export function literalType(v: bigint, suffix: A.IntSuffix, radix: number): IntType | undefined {
  const cands: IntType[] = [];
  const u = suffix.includes('u');
  const l = suffix.includes('l');
  const ll = suffix.includes('ll');
  const all: IntType[] = [T_INT, T_UINT, T_LONG, T_ULONG, T_LLONG, T_ULLONG];
  for (const t of all) {
    if (u && t.signed) continue;
    if (!u && !t.signed && radix === 10) continue;
    if (l && t.size < 8) continue;
    if (ll && t.rank < 5) continue;
    cands.push(t);
  }
  for (const t of cands) {
    const max = t.signed ? (1n << BigInt(t.size * 8 - 1)) - 1n : (1n << BigInt(t.size * 8)) - 1n;
    if (v <= max) return t;
  }
  if (v <= (1n << 64n) - 1n) return T_ULLONG;
  return undefined;
}

function foldIfConst(x: X, f: (v: DInt) => DInt): DInt | undefined {
  return x.cv !== undefined && typeof x.cv !== 'string' ? f(x.cv) : undefined;
}

function foldArith(op: string, a: DInt, b: DInt, sz: IntSize, sg: boolean): DInt | undefined {
  switch (op) {
    case '+': return I.add(a, b, sz, sg);
    case '-': return I.sub(a, b, sz, sg);
    case '*': return I.mul(a, b, sz, sg);
    case '/': return b === 0 ? undefined : I.div(a, b, sz, sg);
    case '%': return b === 0 ? undefined : I.mod(a, b, sz, sg);
    case '&': return I.and(a, b, sz, sg);
    case '|': return I.or(a, b, sz, sg);
    case '^': return I.xor(a, b, sz, sg);
  }
  return undefined;
}

function elemSize(t: DType): number {
  const r = resolve(t);
  const e = r.kind === 'pointer' ? r.to : r.kind === 'array' ? r.of : T_CHAR;
  return Math.max(1, sizeOf(e) || 1);
}

/** dt_node_is_argcompat: may a value of type b be passed/assigned where a is wanted? */
export function argCompat(a: DType, b: DType): boolean {
  if (isInteger(a) && isInteger(b)) return true;
  const as = isString(a) || isCharArrayOrPtr(a), bs = isString(b) || isCharArrayOrPtr(b);
  if (as && bs) return true;
  if (isString(a) && (isScalar(b) || isPointer(b))) return false;
  if (sameType(a, b)) return true;
  if (isPointer(a) && isPointer(b)) return ptrCompat(a, b);
  if (isArith(a) && isArith(b)) return true;
  return false;
}

function stableProbe(probes: Probe[]): Probe | null {
  if (probes.length === 0) return null;
  const p0 = probes[0]!;
  for (const p of probes) {
    if (p.argTypes.length !== p0.argTypes.length) return null;
    for (let i = 0; i < p.argTypes.length; i++) if (!sameType(p.argTypes[i]!, p0.argTypes[i]!) || p.argTypes[i]!.name !== p0.argTypes[i]!.name) return null;
  }
  return p0;
}

function descStr(d: A.ProbeDesc): string {
  return `${d.provider}:${d.module}:${d.func}:${d.name}`;
}

function exprName(e: A.Expr): string {
  if (e.kind === 'Ident') return e.name;
  if (e.kind === 'ScopedVar') return `${e.scope}->${e.name}`;
  return 'expression';
}

function sizeOption(v: string): number {
  const m = /^([0-9]+)([kmgt]?)$/i.exec(v.trim());
  if (!m) return 256;
  const mult: Record<string, number> = { '': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3, t: 1024 ** 4 };
  return Number(m[1]) * mult[m[2]!.toLowerCase()]!;
}

/** Deep-copy an expression (inlines are expanded by substitution), replacing parameter identifiers. */
function cloneExpr(e: A.Expr, subst?: Map<string, A.Expr>): A.Expr {
  const walk = (n: unknown): unknown => {
    if (Array.isArray(n)) return n.map(walk);
    if (n === null || typeof n !== 'object') return n;
    const o = n as Record<string, unknown>;
    if (o.kind === 'Ident' && subst?.has(o.name as string)) return walk(subst.get(o.name as string));
    const c: Record<string, unknown> = {};
    for (const k of Object.keys(o)) c[k] = k === 'loc' ? o[k] : k === 'type' || k === 'sym' ? undefined : walk(o[k]);
    return c;
  };
  return walk(e) as A.Expr;
}

// String subroutines: a small adapter over the library's subr module once it lands (see subrlib.ts).
import { subrLib } from './subrlib.ts';

/** A structural key for an expression (its AST without source spans), used to tell whether two commits name the same speculation. */
function exprKey(e: A.Expr | undefined): string {
  return JSON.stringify(e ?? null, (k, v: unknown) => (k === 'loc' ? undefined : typeof v === 'bigint' ? `${v}n` : v));
}

/** A string closure reading the NULL string as "" (string comparison). */
function cmpStr(sv: StrEv): StrEv {
  return (c) => { const v = sv(c); return v === NULL_STR ? '' : v; };
}
