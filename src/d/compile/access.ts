/**
 * Names and the places they denote: identifiers (variables, constants,
 * enumerators, inlines, built-in variables), this-> and self-> variables,
 * and the postfix operators that select from them: [] (associative arrays,
 * args[], inline arrays, C indexing) and . / -> (struct members in memory,
 * and members of the providers' translated structs). Each returns a cooked X
 * carrying its lvalue when it may be assigned (assign.ts stores through it).
 *
 * Its exports are the compiler's internals: for this folder only.
 */
import type * as A from '../ast.ts';
import * as I from '../runtime/int64.ts';
import type { DInt } from '../runtime/int64.ts';
import type { FireCtx } from '../runtime/context.ts';
import { fault, NULL_STR, FLT_BADADDR } from '../runtime/state.ts';
import { fail, failPlain } from '../check/errors.ts';
import type { VarSym } from '../check/symbols.ts';
import { BUILTIN_FUNCS, BUILTIN_VARS, KERNEL_VARS } from '../check/builtins.ts';
import { MEMBER_ALIASES, TRANSLATED } from '../types/builtins.ts';
import { findMember } from '../types/layout.ts';
import {
  intInfo, isCharArrayOrPtr, pointerTo, isInteger, isPointer, isString, isVoid, resolve, sizeOf, type DType, type StructType,
} from '../types/types.ts';
import { zeroOf, type Ev, type IntEv, type StrEv } from './values.ts';
import type { Compiler } from './compiler.ts';
import { type X, type LValue, TYPE_INT64, DYN_TYPE, argCompat, cloneExpr } from './cooked.ts';
import { deref, memValue, ptrArith, asInt, coerce } from './operators.ts';
import { checkObjectSize } from './alloc.ts';

// ---------------------------------------------------------------- identifiers and variables

export function ident(cc: Compiler, e: A.Ident): X {
  if (e.scope !== undefined) {
    fail('D_IDENT_UNDEF', `failed to resolve ${e.scope}\`${e.name}: Unknown symbol name`, e.loc);
  }
  const name = e.name;
  // A translator's input parameter, while its definition is cooked (the members are compiled for
  // real at each xlate<>, with the operand in its place): a typed value that never runs.
  if (cc.xlParam !== null && name === cc.xlParam.name) return { t: cc.xlParam.type, ev: () => 0 };
  const v = cc.syms.globals.get(name);
  if (v) {
    if (v.kind === 'array') fail('D_IDENT_BADREF', `associative array '${name}' may not be referenced as scalar`, e.loc);
    return varRead(cc, v, e.loc);
  }
  const cs = cc.syms.consts.get(name);
  if (cs) {
    if (cs.kind === 'const') {
      const val = cs.value;
      return { t: cs.type, ev: () => val, cv: val };
    }
    if (cs.kind === 'inline' && cs.params === null) {
      const x = cc.expr(cloneExpr(cs.expr));
      return coerce(cc, x, cs.type);
    }
    fail('D_IDENT_BADREF', `inline '${name}' may not be referenced as scalar`, e.loc);
  }
  const en = cc.decl.enumConsts.get(name);
  if (en) { const val = en.value; return { t: en.type, ev: () => val, cv: val }; }
  if (BUILTIN_VARS.has(name)) {
    // A built-in variable is an lvalue D may not write (dt_cook_op2: D_OP_WRITE, not D_OP_LVAL).
    const x = builtinVar(cc, name, e.loc);
    return { ...(x.lv ? x : { ...x, lv: { kind: 'var', writable: false } }), dvar: true };
  }
  if (name === 'curpsinfo') {
    // The firing's process, as far as the capture says (a translated psinfo_t; dynamic, as in dtrace).
    return { t: pointerTo(cc.types.parse('psinfo_t')), ev: (c) => c.psinfo, dyn: true, dvar: true };
  }
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

export function varRead(cc: Compiler, v: VarSym, loc: A.Span): X {
  if (v.type === undefined) {
    fail('D_VAR_UNDEF', `${v.scope === 'local' ? 'this->' : v.scope === 'tls' ? 'self->' : ''}${v.name} has not yet been declared or assigned`, loc);
  }
  const t = v.type;
  const rt = cc.env.rt;
  const id = v.id;
  const z = zeroOf(t);
  const r = resolve(t);
  const lv: LValue = { kind: 'var', writable: true, set: varWriter(cc, v) };
  // A clause-local struct, union or array lives in memory of its own (one
  // firing runs at a time, and it persists across that firing's clauses).
  if (v.scope === 'local' && v.addr === 0 && isByRef(t)) v.addr = rt.alloc(sizeOf(t));
  if (v.addr !== 0) {
    const a = v.addr;
    return { t, ev: () => a, lv: { kind: 'mem', writable: true, addr: () => a }, dvar: true };
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
    if (isByRef(t)) {
      // A struct-valued thread-local is a region of its own, allocated on first use.
      const size = sizeOf(t);
      rt.noteDyn(0, size);
      const addrOf: IntEv = (c) => { const a = rt.dynRegion(m, c.tid, size); return a === 0 ? fault(FLT_BADADDR, 0) : a; };
      const peek: IntEv = (c) => rt.dynPeek(m, c.tid, size);
      return { t, ev: peek, lv: { kind: 'mem', writable: true, addr: addrOf, del: (c) => rt.dynFree(m, c.tid, size) }, dvar: true };
    }
    // Thread-locals are dynamic variables: an unset string one is the NULL string.
    const zd = z === '' ? NULL_STR : z;
    ev = () => { const x = m.get(ctx.tid); return x === undefined ? zd : x; };
  }
  return { t, ev, lv, dvar: true };
}

function varWriter(cc: Compiler, v: VarSym): (c: FireCtx, val: unknown) => void {
  const rt = cc.env.rt;
  const id = v.id;
  if (v.scope === 'global') { const g = rt.globals; return (_c, val) => { g[id] = val; }; }
  if (v.scope === 'local') return (_c, val) => { rt.locals[id] = val; };
  const m = (rt.tls[id] ??= new Map());
  rt.noteDyn(0, dynValueBytes(cc, v.type!));
  return (c, val) => { rt.dynSet(m, c.tid, val); };
}

/** Held in memory and used by its address: structs, unions and arrays other than char strings. */
function isByRef(t: DType): boolean {
  const r = resolve(t);
  return r.kind === 'struct' || r.kind === 'union' || (r.kind === 'array' && !isCharArrayOrPtr(t));
}

/** A dynamic variable's size, as dt_ident_set_storage records it for the dvars map. */
function dynValueBytes(cc: Compiler, t: DType): number {
  return isString(t) ? cc.strsize : sizeOf(t);
}

/**
 * The size of a key tuple as dt_cg_arglist lays it out: scalars aligned to
 * their size, strings strsize + 1, others by size; then the 8-byte TLS key
 * (0 for a global array). Aggregation keys are tuples too.
 */
export function tupleBytes(cc: Compiler, keys: readonly DType[]): number {
  let n = 0;
  for (const k of keys) {
    if (isString(k)) { n += cc.strsize + 1; continue; }
    const sz = sizeOf(k);
    if (sz === 0) continue;
    const r = resolve(k);
    if (r.kind === 'int' || r.kind === 'enum' || r.kind === 'pointer' || r.kind === 'float') n = Math.ceil(n / sz) * sz;
    n += sz;
  }
  return n + 8;
}

function builtinVar(cc: Compiler, name: string, _loc: A.Span): X {
  const t = cc.types.parse(BUILTIN_VARS.get(name)!);
  const rt = cc.env.rt;
  const m = /^arg([0-9])$/.exec(name);
  if (m) { const i = Number(m[1]); return { t, ev: (c) => c.arg[i] }; }
  switch (name) {
    case 'timestamp': return { t, ev: (c) => c.tsNs };
    case 'vtimestamp': return { t, ev: (c) => c.vtsNs };
    case 'walltimestamp': return { t, ev: (c) => I.wrapS64(c.wallNow !== null ? c.wallNow() : BigInt(c.tsNs) + c.wallDeltaNs) };
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

export function scopedVar(cc: Compiler, e: A.ScopedVar, create: boolean, assignType?: DType): X {
  const scope = e.scope === 'self' ? 'tls' : 'local';
  if (scope === 'tls') cc.env.rt.usesTid = true; // self-> is keyed by the thread
  const tab = cc.syms.table(scope);
  let v = tab.get(e.name);
  if (!v) {
    if (!create) {
      fail('D_VAR_UNDEF', `${e.scope}->${e.name} has not yet been declared or assigned`, e.loc);
    }
    v = cc.syms.create(scope, e.name, 'scalar');
  }
  if (v.kind === 'array') fail('D_IDENT_BADREF', `associative array '${e.name}' may not be referenced as scalar`, e.loc);
  if (v.type === undefined && assignType) v.type = assignType;
  return varRead(cc, v, e.loc);
}

/**
 * The operand of a unary operator (dt_cook_op1): a variable that was never
 * declared or assigned — self->x, this->x or an associative array element,
 * which [ and -> create on sight — becomes an int64_t instead of an error,
 * so `count[key]++`, `self->seen[k]++` and `!self->flag` work on first use.
 * A plain identifier is created only by ++ and -- (update()).
 */
export function unaryOperand(cc: Compiler, e: A.Expr): X {
  if (e.kind === 'ScopedVar') return scopedVar(cc, e, true, TYPE_INT64);
  if (e.kind === 'Index') return index(cc, e, TYPE_INT64);
  return cc.expr(e);
}

// ---------------------------------------------------------------- indexing and members

export function index(cc: Compiler, e: A.Index, assignType?: DType): X {
  const obj = e.object;
  if (obj.kind === 'Agg') {
    if (obj.keys !== null) fail('D_AGG_MDIM', `improper attempt to reference @${obj.name} as a multi-dimensional array`, e.loc);
    return fail('D_AGG_FUNC', `@${obj.name} must be assigned the result of an aggregating function`, e.loc);
  }
  if (obj.kind === 'Ident' && obj.name === 'args' && !cc.syms.globals.has('args')) return argsRef(cc, e);
  if (obj.kind === 'Ident' && cc.syms.consts.get(obj.name)?.kind === 'inlinearray') {
    const ia = cc.syms.consts.get(obj.name) as { fn: (k: number) => string; type: DType; keyType: DType };
    if (e.index.length !== 1) fail('D_PROTO_LEN', `${obj.name}[ ] prototype mismatch: ${e.index.length} args passed, 1 expected`, e.loc);
    const k = cc.expr(e.index[0]!);
    const ki = asInt(k, intInfo(ia.keyType));
    const fn = ia.fn;
    return { t: ia.type, ev: (c) => fn(Number(ki(c))) };
  }
  if (obj.kind === 'Ident' && cc.syms.consts.get(obj.name)?.kind === 'inline') {
    return inlineArray(cc, e, obj.name);
  }
  // Associative array: an identifier (global, new or existing array) or self->x.
  let v: VarSym | undefined;
  if (obj.kind === 'Ident' && !BUILTIN_VARS.has(obj.name) && !cc.syms.consts.has(obj.name)) {
    v = cc.syms.globals.get(obj.name);
    if (v && v.kind === 'scalar' && v.type !== undefined) v = undefined; // a typed scalar: C indexing below
    else if (!v) v = cc.syms.create('global', obj.name, 'array');
    else if (v.kind === 'scalar') { cc.syms.morphToArray(v); }
  } else if (obj.kind === 'ScopedVar') {
    const tab = cc.syms.table(obj.scope === 'self' ? 'tls' : 'local');
    if (obj.scope === 'self') cc.env.rt.usesTid = true;
    v = tab.get(obj.name);
    if (!v) {
      if (obj.scope === 'this') fail('D_ARR_LOCAL', `local variables may not be used as associative arrays: ${obj.name}`, e.loc);
      v = cc.syms.create('tls', obj.name, 'array');
    } else if (v.kind === 'scalar') {
      if (v.type !== undefined) v = undefined;
      else if (obj.scope === 'this') fail('D_ARR_LOCAL', `local variables may not be used as associative arrays: ${obj.name}`, e.loc);
      else cc.syms.morphToArray(v);
    }
  }
  if (v) return assocRef(cc, v, e, assignType);
  // C array/pointer indexing: *(a + i).
  const base = cc.expr(obj);
  if (e.index.length !== 1) fail('D_ARR_BADREF', `cannot access ${exprName(obj)} as an associative array`, e.loc);
  const ix = cc.expr(e.index[0]!);
  // Bounds of a declared array, for a constant index (dt_cook_op2; arrays of 0 or 1 element are
  // open-ended structure tails). The index compares as unsigned: -1 is 2^64 - 1.
  const br = resolve(base.t);
  if (br.kind === 'array' && br.length > 1 && ix.cv !== undefined && typeof ix.cv !== 'string' && isInteger(ix.t)) {
    const u = BigInt.asUintN(64, BigInt(ix.cv));
    if (u >= BigInt(br.length)) fail('D_ARR_BOUNDS', `index outside array bounds: ${u}, max is ${br.length}`, e.loc);
  }
  if (!isPointer(base.t)) {
    if (isString(base.t) && isInteger(ix.t)) return deref(cc, ptrArith('+', base, ix), e.loc);
    if (isInteger(base.t) && isPointer(ix.t)) return deref(cc, ptrArith('+', ix, base), e.loc);
    return fail('D_OP_INCOMPAT', `operands have incompatible types: "${base.t.name}" + "${ix.t.name}"`, e.loc);
  }
  if (!isInteger(ix.t)) fail('D_OP_INCOMPAT', `operands have incompatible types: "${base.t.name}" + "${ix.t.name}"`, e.loc);
  return deref(cc, ptrArith('+', base, ix), e.loc);
}

function argsRef(cc: Compiler, e: A.Index): X {
  if (e.index.length !== 1) fail('D_PROTO_LEN', `args[ ] prototype mismatch: ${e.index.length} args passed, 1 expected`, e.loc);
  const ix = cc.expr(e.index[0]!);
  if (ix.cv === undefined || typeof ix.cv === 'string') {
    fail('D_PROTO_ARG', `args[ ] argument #1 is incompatible with prototype:\n\tprototype: integer constant\n\t argument: ${ix.t.name}`, e.loc);
  }
  if (!cc.inClause || !cc.desc) fail('D_ARGS_NONE', 'args[ ] may not be referenced outside of a probe clause', e.loc);
  const d = cc.desc;
  if (!cc.probeCtx) {
    fail('D_ARGS_MULTI', `args[ ] may not be referenced because probe description ${descStr(d)} matches an unstable set of probes`, e.loc);
  }
  const n = Number(ix.cv);
  const p = cc.probeCtx;
  if (n < 0 || n >= p.argTypes.length) {
    fail('D_ARGS_IDX', `index ${n} is out of range for ${descStr(d)} args[ ]`, e.loc);
  }
  const t = p.argTypes[n]!;
  return { t, ev: (c) => c.args[n] };
}

/** DIF has DIF_DTR_NREGS (8) tuple registers; dt_cg_arglist gives up past the ninth key (EDT_NOTUPREG). */
export function checkTupleRegs(n: number): void {
  if (n > 9) failPlain('Insufficient tuple registers to generate code');
}

function assocRef(cc: Compiler, v: VarSym, e: A.Index, assignType?: DType): X {
  const keys = e.index.map((k) => cc.expr(k));
  checkTupleRegs(keys.length);
  const prefix = '';
  if (v.keyTypes === undefined) {
    keys.forEach((k, i) => {
      if (isVoid(k.t) || k.agg || k.dyn) fail('D_KEY_TYPE', `${k.dyn ? '<DYN>' : k.t.name} expression may not be used as array index: key #${i + 1}`, e.loc);
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
  const rt = cc.env.rt;
  const keyEv = keyClosure(keys.map((k, i) => byValueKey(cc, tupleKey(coerce(cc, k, v.keyTypes![i]!)))), v.scope === 'tls');
  const m = (rt.assocs[v.id] ??= new Map());
  const z = zeroOf(t);
  rt.noteDyn(tupleBytes(cc, v.keyTypes!), dynValueBytes(cc, t));
  if (isByRef(t)) {
    // Struct-valued elements live in memory: the element is its address, allocated on first use.
    const size = sizeOf(t);
    checkObjectSize(size, `"${t.name}"`, e.loc);
    const addrOf: IntEv = (c) => { const a = rt.dynRegion(m, keyEv(c), size); return a === 0 ? fault(FLT_BADADDR, 0) : a; };
    const peek: IntEv = (c) => rt.dynPeek(m, keyEv(c), size);
    return { t, ev: peek, lv: { kind: 'mem', writable: true, addr: addrOf, del: (c) => rt.dynFree(m, keyEv(c), size) }, dvar: true };
  }
  // An unset dynamic variable reads as 0: for a string, the NULL string.
  const zd = z === '' ? NULL_STR : z;
  const ev: Ev = (c) => { const x = m.get(keyEv(c)); return x === undefined ? zd : x; };
  const set = (c: FireCtx, val: unknown): void => rt.dynSet(m, keyEv(c), val);
  return { t, ev, lv: { kind: 'var', writable: true, set }, dvar: true };
}

/**
 * A key of an associative array or aggregation tuple. A string key is
 * copied into the tuple by reading its characters (dtrace.c: DIF_OP_PUSHTR
 * takes dtrace_strlen() of it; an aggregation key record is stored by
 * dtrace_store_by_ref()), so the NULL string faults there as a load from
 * address 0 does, and "" is an ordinary key.
 */
export function tupleKey(x: X): X {
  if (!isString(x.t)) return x;
  const sv = x.ev as StrEv;
  return { ...x, ev: (c) => { const v = sv(c); return v === NULL_STR ? fault(FLT_BADADDR, 0) : v; } };
}

/**
 * A struct, union or array key is copied into the tuple by value
 * (dt_cg_arglist, DIF_TF_BYREF): two structs with the same bytes are the
 * same key, whatever their addresses.
 */
function byValueKey(cc: Compiler, x: X): X {
  if (!isByRef(x.t)) return x;
  const rt = cc.env.rt;
  const size = sizeOf(x.t);
  const addr = x.ev as IntEv;
  return {
    ...x,
    ev: (c) => {
      const b = rt.loadBytes(addr(c), size);
      let k = '\x01';
      for (let i = 0; i < b.length; i++) k += String.fromCharCode(b[i]!);
      return k;
    },
  };
}

/** A closure computing a Map key for a tuple: the value itself for one key, else a joined string. */
function keyClosure(keys: X[], tls: boolean): (c: FireCtx) => unknown {
  const evs = keys.map((k) => k.ev);
  if (!tls && evs.length === 1) return evs[0]!;
  if (!tls && evs.length === 0) return () => '';
  if (tls) {
    return (c) => { let s = String(c.tid); for (let i = 0; i < evs.length; i++) s += '\0' + String(evs[i]!(c)); return s; };
  }
  return (c) => { let s = String(evs[0]!(c)); for (let i = 1; i < evs.length; i++) s += '\0' + String(evs[i]!(c)); return s; };
}

function inlineArray(cc: Compiler, e: A.Index, name: string): X {
  const inl = cc.syms.consts.get(name) as { expr: A.Expr; type: DType; params: { name: string; type: DType }[] | null };
  const params = inl.params ?? [];
  if (e.index.length !== params.length) fail('D_PROTO_LEN', `${name}[ ] prototype mismatch: ${e.index.length} args passed, ${params.length} expected`, e.loc);
  // Substitute the parameters by their argument expressions (dtrace inlines by substitution).
  const subst = new Map<string, A.Expr>();
  params.forEach((p, i) => subst.set(p.name, e.index[i]!));
  const body = cloneExpr(inl.expr, subst);
  return coerce(cc, cc.expr(body), inl.type);
}

export function member(cc: Compiler, e: A.Member): X {
  const obj = cc.expr(e.object);
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
  const s = completeStruct(cc, st as StructType, e);
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
  const at = (b: IntEv): IntEv => (off === 0 ? b : (c) => { const a = b(c); if (a === 0) fault(FLT_BADADDR, 0); return (a as number) + off; });
  const addr = at(base);
  // A store goes where the object's lvalue says: a dynamic struct is created by a store, not by a read.
  const waddr = obj.lv?.kind === 'mem' && obj.lv.addr && obj.lv.addr !== base ? at(obj.lv.addr) : addr;
  if (m.bits !== undefined) {
    const rt = cc.env.rt;
    const it = intInfo(m.type);
    const bo = m.bitOffset!, w = m.bits;
    const usize = it.size;
    const mask = (1n << BigInt(w)) - 1n, shift = BigInt(bo);
    const writable = obj.lv?.writable ?? true;
    return {
      t: m.type, bitfield: true,
      ev: (c) => {
        const a = addr(c);
        const raw = BigInt(rt.load(a, usize, false));
        let v = (raw >> shift) & mask;
        if (it.signed && (v >> BigInt(w - 1)) & 1n) v -= 1n << BigInt(w);
        return I.canon(v);
      },
      // A store keeps the value's low bits and the storage unit's other bits (read-modify-write).
      lv: {
        kind: 'mem', writable,
        set: (c, val) => {
          const a = waddr(c);
          const raw = BigInt(rt.load(a, usize, false));
          rt.store(a, usize, I.canon((raw & ~(mask << shift)) | ((BigInt(val as DInt) & mask) << shift)));
        },
      },
    };
  }
  return memValue(cc, m.type, addr, obj.lv?.writable ?? true, waddr);
}

function completeStruct(cc: Compiler, s: StructType, e: A.Member): StructType {
  if (s.complete) return s;
  const full = cc.types.lookupTag(s.kind, s.tag);
  if (full && full.kind !== 'enum' && full.complete) return full;
  return fail('D_OP_INCOMPLETE', `operator ${e.op} cannot be applied to a forward declaration: no ${s.name} definition is available`, e.loc);
}

// ---------------------------------------------------------------- helpers

function descStr(d: A.ProbeDesc): string {
  return `${d.provider}:${d.module}:${d.func}:${d.name}`;
}

/** dt_node_name: how dtrace names an operand in a message ("scalar x" for a variable, self-> or this-> too). */
function exprName(e: A.Expr): string {
  if (e.kind === 'Ident' || e.kind === 'ScopedVar') return `scalar ${e.name}`;
  if (e.kind === 'Member') return `operator ${e.op}`;
  if (e.kind === 'Index') return 'operator [';
  return 'expression';
}
