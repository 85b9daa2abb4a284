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
 *
 * Where each pass lives: this file is the driver (program, declarations,
 * inlines, translators, clauses and their cooking order, statements, the
 * expr() dispatch, constInt). The expression passes are plain functions
 * taking the Compiler as their first argument, one file per job:
 *   access.ts     identifiers, variables, [] and . / -> (lvalues)
 *   operators.ts  unary, binary, comparison, ?:, casts; value conversions
 *   assign.ts     =, op= and ++/--
 *   calls.ts      calls, prototype checks, subroutines
 *   actions.ts    aggregations and actions (the statements that record)
 *   cooked.ts     X (the cooked expression) and the shared type rules
 * Compiler members marked @internal are shared with those files only.
 */
import type * as A from '../ast.ts';
import { unescapeString } from '../lex/escapes.ts';
import * as I from '../runtime/int64.ts';
import type { DInt } from '../runtime/int64.ts';
import type { FireCtx } from '../runtime/context.ts';
import type { Runtime } from '../runtime/state.ts';
import type { ClauseOutput } from '../runtime/output.ts';
import { CompileError, fail } from '../check/errors.ts';
import { Symbols } from '../check/symbols.ts';
import { BUILTIN_FUNCS, BUILTIN_VARS } from '../check/builtins.ts';
import { DeclBuilder } from '../check/decl.ts';
import { TypeScope } from '../types/scope.ts';
import { BUILTIN_CONSTANTS, BUILTIN_INLINE_ARRAYS, builtinTypes } from '../types/builtins.ts';
import { findMember } from '../types/layout.ts';
import type { Probe, ProbeRegistry } from '../types/probes.ts';
import {
  T_INT, T_LONG, T_STRING, T_UINT, T_ULONG, T_LLONG, T_ULLONG, isCharArrayOrPtr, isInteger, isPointer, isScalar,
  isString, isVoid, pointerTo, resolve, sameType, sizeOf, type DType, type IntType, type StructType,
} from '../types/types.ts';
import { truthOf, type IntEv } from './values.ts';
import type { FormatContext, ParsedFormat } from '../format/printf.ts';
import type { AggBridge } from './aggbridge.ts';
import { type X, TYPE_SIZE, DYN_TYPE, argCompat, cloneExpr } from './cooked.ts';
import { ident, scopedVar, index, member } from './access.ts';
import { unary, binary, conditional, cast, toStringEv, coerce } from './operators.ts';
import { update, assign } from './assign.ts';
import { call } from './calls.ts';
import { aggStatement, action } from './actions.ts';
import { staticAlloc } from './alloc.ts';
import { parseSize, SIZE_CAPS } from '../limits.ts';

/** Re-exported: the type rule was first published here. */
export { argCompat };

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

export class Compiler {
  types: TypeScope;
  /** What $0 expands to in the program being compiled. */
  arg0 = 'dtrace';
  readonly syms = new Symbols();
  /** User translators (`translator T < F p > { ... };`), in definition order. */
  private readonly translators: { to: DType; from: DType; def: A.TranslatorDef }[] = [];
  decl: DeclBuilder;
  readonly clauses: CompiledClause[] = [];
  /** Set while compiling a clause. */
  probes: Probe[] | null = null;
  /** @internal The probe args[] are typed against (null when the description's probes disagree). */
  probeCtx: Probe | null = null;
  /** @internal The probe description the current clause is compiled for. */
  desc: A.ProbeDesc | null = null;
  /** @internal True while compiling a clause (args[] is refused outside one). */
  inClause = false;
  /** While a translator definition is cooked: its input parameter (dx_locals). */
  xlParam: { name: string; type: DType } | null = null;
  /** Destructive actions the program uses (the engine refuses to enable them). */
  readonly destructive: string[] = [];
  /** -x recfmt=parquet: each printf statement (program order) with its format and argument types. */
  readonly printfStmts: { format: string; types: DType[] }[] = [];
  /** The program calls speculate() (-x recfmt=parquet refuses it). */
  speculates = false;
  /** @internal The strsize option in bytes, read when a program starts. */
  strsize = 256;

  constructor(readonly env: CompileEnv) {
    this.types = new TypeScope(builtinTypes());
    this.decl = this.declBuilder();
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
    this.decl = this.declBuilder();
  }

  private declBuilder(): DeclBuilder {
    const d = new DeclBuilder(this.types, (e) => this.constInt(e));
    d.isGlobalIdent = (n) => this.syms.globals.has(n) || this.syms.consts.has(n) || BUILTIN_VARS.has(n) || BUILTIN_FUNCS.has(n);
    return d;
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
      // dt_node_decl: `int a[];` names no dimension and no key signature.
      const top = dd.chunks.find((c) => c.kind === 'Array');
      if (top && top.kind === 'Array' && top.size === null && top.keys === null) {
        fail('D_DECL_ARRNULL', `array declaration requires array dimension or tuple signature: ${dd.name}`, dd.loc);
      }
      if (scope === 'global' && (BUILTIN_VARS.has(dd.name) || BUILTIN_FUNCS.has(dd.name))) {
        fail('D_DECL_IDRED', `built-in identifier redeclared: ${dd.name}`, dd.loc);
      }
      const tab = this.syms.table(scope);
      const old = tab.get(dd.name);
      const kind = keys ? 'array' : 'scalar';
      if (old) {
        if (old.type && (old.kind !== kind || !sameType(old.type, t))) {
          const kn = (k: string): string => (k === 'array' ? 'associative array' : 'scalar');
          fail('D_DECL_IDRED', `identifier redeclared: ${dd.name}\n\t current: ${kn(kind)} ${t.name}\n\tprevious: ${kn(old.kind)} ${old.type.name}`, dd.loc);
        }
        if (keys && old.keyTypes) {
          keys.forEach((k, i) => {
            const pk = old.keyTypes![i];
            if (pk !== undefined && !sameType(k, pk)) {
              fail('D_DECL_IDRED', `identifier redeclared: ${dd.name}\n\t current: associative array, key #${i + 1} of type ${k.name}\n\tprevious: associative array, key #${i + 1} of type ${pk.name}`, dd.loc);
            }
          });
          if (keys.length !== old.keyTypes.length) {
            fail('D_DECL_IDRED', `identifier redeclared: ${dd.name}\n\t current: associative array of ${t.name}, tuple length ${keys.length}\n\tprevious: associative array of ${old.type!.name}, tuple length ${old.keyTypes.length}`, dd.loc);
          }
        }
        continue;
      }
      if (scope === 'local' && keys) fail('D_DECL_LOCASSC', `associative arrays may not be declared as local variables: ${dd.name}`, dd.loc);
      if (scope === 'global' && this.syms.consts.has(dd.name)) {
        fail('D_DECL_IDRED', `identifier redeclared: ${dd.name}`, dd.loc);
      }
      const v = this.syms.create(scope, dd.name, keys ? 'array' : 'scalar');
      v.type = t;
      v.keyTypes = keys ?? undefined;
      v.declared = true;
      const r = resolve(t);
      if (!keys && scope === 'global' && (r.kind === 'struct' || r.kind === 'union' || r.kind === 'array')) {
        v.addr = staticAlloc(this.env.rt, sizeOf(t), `"${dd.name}"`, dd.loc);
      }
    }
  }

  private inline(d: A.InlineDef): void {
    const name = d.declarator.name!;
    const base = this.decl.baseType(d.specifiers);
    const keys = this.decl.keySignature(d.declarator);
    const t = this.decl.apply(base, d.declarator);
    const prev = this.identKind(name);
    if (prev !== null) fail('D_DECL_IDRED', `identifier redefined: ${name}\n\t current: inline definition\n\tprevious: ${prev}`, d.loc);
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

  /**
   * What a global identifier already is, as dt_node_inline names it
   * (dt_idkind_name, then "inline" for an inline), or null when it is new.
   */
  private identKind(name: string): string | null {
    const v = this.syms.globals.get(name);
    if (v) return `${v.kind === 'array' ? 'associative array' : 'scalar'} `;
    const c = this.syms.consts.get(name);
    if (c) return c.kind === 'inlinearray' || (c.kind === 'inline' && c.params !== null) ? 'associative array inline' : 'scalar inline';
    if (this.decl.enumConsts.has(name)) return 'enumerator inline';
    if (BUILTIN_VARS.has(name)) return 'scalar ';
    const f = BUILTIN_FUNCS.get(name);
    if (f) return `${f.kind === 'aggfunc' ? 'aggregating function' : f.kind === 'subr' ? 'function' : 'tracing function'} `;
    return null;
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
        // exit() records data (its status), so like any data-recording action it may not follow commit()
        if (commit) fail('D_DREC_COMM', 'data-recording actions may not follow commit( )', e.loc);
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
      if (e instanceof CompileError && e.region === undefined && e.tag !== 'D_DIV_ZERO' && !e.plain) {
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
    if (e.kind === 'Assign' && e.target.kind === 'Agg') return aggStatement(this, e.target, e.value, e.op, e);
    if (e.kind === 'Call' && e.callee.kind === 'Ident') {
      const f = BUILTIN_FUNCS.get(e.callee.name);
      if (f && (f.kind === 'action' || f.kind === 'destructive')) return action(this, f.name, f.kind, e);
    }
    const x = this.expr(e);
    if (x.agg && e.kind === 'Call' && e.callee.kind === 'Ident') {
      // dt_cg_node: an aggregating function outside `@a = f()` reaches code generation.
      fail('D_CG_EXPR', `aggregating function ${e.callee.name}( ) may not be called from a D expression (D program context required)`, e.loc);
    }
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
      case 'Ident': return ident(this, e);
      case 'ScopedVar': return scopedVar(this, e, false);
      // dt_cook_aggregation: an aggregation named in an expression (not assigned to) has
      // the dynamic type; the operator or action it is given to rejects it (D_OP_INCOMPAT,
      // D_TRACE_DYN, D_KEY_TYPE …).
      case 'Agg': return { t: DYN_TYPE, ev: () => 0, dyn: true };
      case 'Unary': return unary(this, e);
      case 'Update': return update(this, e);
      case 'Binary': return binary(this, e);
      case 'Assign': return assign(this, e);
      case 'Conditional': return conditional(this, e);
      case 'Comma': {
        const l = this.expr(e.left), r = this.expr(e.right);
        if (l.act || r.act) fail('D_OP_ACT', 'operator , operands cannot be actions', e.loc);
        const le = l.ev, re = r.ev;
        return { t: r.t, ev: (c) => { le(c); return re(c); } };
      }
      case 'Cast': return cast(this, e);
      case 'Sizeof': {
        let t: DType;
        if (e.typeName) t = this.decl.typeName(e.typeName);
        else {
          const x = this.expr(e.operand!);
          if (x.bitfield) fail('D_SIZEOF_BITFIELD', 'cannot apply sizeof to a bit-field', e.loc);
          t = x.t;
        }
        // A string literal's size is its length + 1 (dt_node_type_size), not strsize.
        const lit = e.operand?.kind === 'StringLit' ? e.operand.value : undefined;
        const n = lit !== undefined ? lit.length + 1 : resolve(t).kind === 'string' ? this.strsize : sizeOf(t);
        if (n === 0) fail('D_SIZEOF_TYPE', 'cannot apply sizeof to an operand of unknown size', e.loc);
        return { t: TYPE_SIZE, ev: () => n, cv: n };
      }
      case 'Stringof': {
        const x = this.expr(e.operand);
        if (!isScalar(x.t) && !isString(x.t) && !isCharArrayOrPtr(x.t)) {
          fail('D_STRINGOF_TYPE', `cannot apply stringof to a value of type ${x.t.name}`, e.loc);
        }
        return { t: T_STRING, ev: toStringEv(this, x) };
      }
      case 'Offsetof': {
        let t = resolve(this.decl.typeName(e.typeName));
        if ((t.kind === 'struct' || t.kind === 'union') && !t.complete) {
          // A tag only declared (or never defined) is a forward declaration, not a struct (dt_node_offsetof).
          const full = this.types.lookupTag(t.kind, t.tag);
          if (full && full.kind === t.kind && full.complete) t = full;
        }
        if ((t.kind !== 'struct' && t.kind !== 'union') || !t.complete) fail('D_OFFSETOF_TYPE', `offsetof operand must be a struct or union type`, e.loc);
        const m = findMember(t, e.member);
        if (!m) fail('D_UNKNOWN', `failed to determine offset of ${e.member}: Member name not found`, e.loc);
        if (m.bits !== undefined) fail('D_OFFSETOF_BITFIELD', `cannot take offset of a bit-field: ${e.member}`, e.loc);
        const off = m.offset;
        return { t: TYPE_SIZE, ev: () => off, cv: off };
      }
      case 'Xlate': return this.xlate(e);
      case 'Call': return call(this, e);
      case 'Index': return index(this, e);
      case 'Member': return member(this, e);
    }
  }

  /**
   * A translator definition (dt_node_xlator, dt_cook_xlator): checked and
   * its members cooked now, with the input parameter in scope, so a bad
   * member is an error even if no xlate<> uses it; the members are compiled
   * again at each xlate<> with the operand in the parameter's place.
   * Errors of the translator itself are reported at its closing line (the
   * line the parser is on when dtrace cooks it); errors inside a member's
   * expression at that expression's line.
   */
  private translator(d: A.TranslatorDef): void {
    const to = this.decl.typeName(d.to);
    const from = this.decl.typeName(d.from);
    const at: A.Span = { ...d.loc, line: d.loc.endLine, column: d.loc.endColumn };
    if (this.translators.some((t) => sameType(t.to, to) && sameType(t.from, from))) {
      fail('D_XLATE_REDECL', `translator from ${from.name} to ${to.name} has already been declared`, at);
    }
    const r = resolve(to);
    if ((r.kind === 'struct' || r.kind === 'union') && !r.complete) {
      const full = this.types.lookupTag(r.kind, r.tag);
      if (!full || full.kind === 'enum' || !full.complete) fail('D_XLATE_SOU', `incomplete struct/union/enum ${to.name}`, at);
    }
    if (r.kind !== 'struct' && r.kind !== 'union') return fail('D_XLATE_SOU', 'translator output type must be a struct or union', at);
    const st = r.complete ? r : this.types.lookupTag(r.kind, r.tag) as StructType;
    this.xlParam = { name: d.param, type: from };
    try {
      for (const m of d.members) {
        const mem = st.members.find((x) => x.name === m.name);
        if (!mem) fail('D_XLATE_MEMB', `translator member ${m.name} is not a member of ${to.name}`, at);
        const vx = this.expr(cloneExpr(m.value));
        if (!argCompat(mem.type, vx.t) && !(isPointer(mem.type) && isInteger(vx.t) && vx.cv !== undefined && Number(vx.cv) === 0)) {
          fail('D_XLATE_INCOMPAT', `translator member ${m.name} definition uses incompatible types: "${mem.type.name}" = "${vx.t.name}"`, at);
        }
      }
    } finally {
      this.xlParam = null;
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
    const base = staticAlloc(rt, st.size, `translated "${st.name}"`, e.loc);
    const zero = new Uint8Array(st.size);
    const subst = new Map<string, A.Expr>([[tr.def.param, e.operand]]);
    const stores: Stmt[] = [];
    for (const m of tr.def.members) {
      const mem = st.members.find((y) => y.name === m.name)!;
      const vx = this.expr(cloneExpr(m.value, subst));
      if (!argCompat(mem.type, vx.t) && !(isPointer(mem.type) && isInteger(vx.t) && vx.cv !== undefined && Number(vx.cv) === 0)) {
        fail('D_XLATE_INCOMPAT', `translator member ${m.name} definition uses incompatible types: "${mem.type.name}" = "${vx.t.name}"`, m.loc);
      }
      const ev = coerce(this, vx, mem.type).ev;
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
    if (rtg.kind === 'pointer') return { t: pointerTo(tr.to), ev, xl: 'pointer to translated data' };
    return { t: tr.to, ev, lv: { kind: 'mem', writable: false, addr: ev }, xl: 'translated data' };
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
      // $0: the script's path as given to -s (dtrace.c compile_file sets argv[0] to it), else the command's name.
      if (e.index === 0) text = this.arg0;
      else text = this.env.macroArgs[e.index - 1];
      // -x defaultargs (or its #pragma, set before the clauses compile): an unset argument is 0, or "" quoted.
      if (text === undefined && (e.defaulted === true || this.env.opt('defaultargs') !== undefined)) text = e.quoted ? '' : '0';
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
    if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(text)) return ident(this, { kind: 'Ident', name: text, loc: e.loc });
    // dt_lex.l: text that is neither an integer nor an identifier is a string, without its quotes if it has them.
    const s = unescapeString(text.length > 1 && text.startsWith('"') && text.endsWith('"') ? text.slice(1, -1) : text);
    return { t: T_STRING, ev: () => s, cv: s };
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

function stableProbe(probes: Probe[]): Probe | null {
  if (probes.length === 0) return null;
  const p0 = probes[0]!;
  for (const p of probes) {
    if (p.argTypes.length !== p0.argTypes.length) return null;
    for (let i = 0; i < p.argTypes.length; i++) if (!sameType(p.argTypes[i]!, p0.argTypes[i]!) || p.argTypes[i]!.name !== p0.argTypes[i]!.name) return null;
  }
  return p0;
}

/** The strsize option in bytes, lowered to its cap (d/limits.ts) as the session lowers it. */
function sizeOption(v: string): number {
  return Math.min(parseSize(v.trim()) ?? 256, SIZE_CAPS.strsize!);
}

/** A structural key for an expression (its AST without source spans), used to tell whether two commits name the same speculation. */
function exprKey(e: A.Expr | undefined): string {
  return JSON.stringify(e ?? null, (k, v: unknown) => (k === 'loc' ? undefined : typeof v === 'bigint' ? `${v}n` : v));
}

