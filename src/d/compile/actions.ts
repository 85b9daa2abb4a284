/**
 * The statements that record data: aggregations (@a[keys] = f(args)) and
 * the D actions (trace, printf, printa, exit, tracemem, stack,
 * speculate/commit/discard, clear/trunc/normalize, setopt …), each compiled
 * to a Stmt writing to the clause's output (CompileEnv.out).
 *
 * Its exports are the compiler's internals: for this folder only.
 */
import type * as A from '../ast.ts';
import type { DInt } from '../runtime/int64.ts';
import * as I from '../runtime/int64.ts';
import { FLT_DIVZERO } from '../runtime/state.ts';
import { MAX_RECORD, parseSize } from '../limits.ts';
import type { FireCtx } from '../runtime/context.ts';
import type { ClauseOutput } from '../runtime/output.ts';
import { fail } from '../check/errors.ts';
import { BUILTIN_FUNCS } from '../check/builtins.ts';
import { AGG_TYPE, STACK_TYPE, typeDesc } from '../check/typedesc.ts';
import { TRANSLATED } from '../types/builtins.ts';
import {
  T_INT, T_LONG, T_ULONG, T_VOID, isCharArrayOrPtr, isInteger, isPointer, isScalar, isString, isVoid, resolve, sizeOf,
  type DType, type StructType,
} from '../types/types.ts';
import type { Ev, IntEv } from './values.ts';
import { traceInt, traceString, hexDump, formatStackDefault, STACK_INDENT } from '../format/trace.ts';
import { printSize, printTyped } from '../format/print-type.ts';
import {
  checkFormat, formatValues, formatValuesInto, isFormatError, parseFormat, type ParsedFormat, type PfValue,
} from '../format/printf.ts';
import type { AggParams } from '../runtime/aggregate.ts';
import { checkLlquantize, checkLquantize, isAggCheckError } from '../runtime/aggregate-check.ts';
import type { Compiler, Stmt } from './compiler.ts';
import { type X, argCompat } from './cooked.ts';
import { tupleKey, tupleBytes, checkTupleRegs } from './access.ts';
import { ptrAsInt, asInt, derefStringEv, toStringEv, coerce } from './operators.ts';
import { call, checkArgs } from './calls.ts';
import { stored } from './intreg.ts';
import { CLAUSE_EXIT, fault, FLT_ILLOP } from '../runtime/state.ts';

// ================================================================ aggregations

export function aggStatement(cc: Compiler, a: A.Agg, value: A.Expr, op: string, e: A.Expr): Stmt {
  const name = a.name;
  if (op !== '=') fail('D_AGG_FUNC', `@${name} must be assigned the result of an aggregating function`, e.loc);
  // dt_node_func (at parse time): a call of a name that is no function fails as such first.
  if (value.kind === 'Call' && value.callee.kind === 'Ident' && !BUILTIN_FUNCS.has(value.callee.name)) call(cc, value);
  if (value.kind !== 'Call' || value.callee.kind !== 'Ident' || BUILTIN_FUNCS.get(value.callee.name)?.kind !== 'aggfunc') {
    fail('D_AGG_FUNC', `@${name} must be assigned the result of an aggregating function`, e.loc);
  }
  const fname = value.callee.name;
  let sym = cc.syms.aggs.get(name);
  if (sym && sym.func !== undefined && sym.func !== fname) {
    fail('D_AGG_REDEF', `aggregation redefined: @${name}\n\t current: @${name} = ${fname}( )\n\tprevious: @${name} = ${sym.func}( ) : line ${sym.line}`, e.loc);
  }
  const keys = (a.keys ?? []).map((k) => cc.expr(k));
  checkTupleRegs(keys.length);
  keys.forEach((k, i) => {
    if ((isVoid(k.t) && k.t !== STACK_TYPE) || k.agg || k.dyn) fail('D_KEY_TYPE', `${k.agg ? 'void' : k.dyn ? '<DYN>' : k.t.name} expression may not be used as aggregation index: key #${i + 1}`, a.loc);
  });
  if (!sym) {
    sym = { name, id: -1, func: fname, keyTypes: keys.map((k) => k.t), line: e.loc.line };
    cc.syms.aggs.set(name, sym);
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
  const args = value.args.map((x) => cc.expr(x));
  const f = BUILTIN_FUNCS.get(fname)!;
  checkArgs(cc, fname, f.proto, args, value.loc);
  if (args.length > 0 && (!isScalar(args[0]!.t) || args[0]!.agg)) {
    fail('D_AGG_SCALAR', `${fname}( ) argument #1 must be of scalar type`, value.loc);
  }
  const params = aggParams(fname, args, value, sym.id >= 0 ? cc.env.aggs.params(sym.id) : undefined);
  checkIncrement(fname, args, value);
  if (sym.id < 0) sym.id = cc.env.aggs.declare(name, fname, sym.keyTypes!, params);
  // An aggregation's key is a tuple too: the largest one sizes the dynamic variables' entries.
  if (keys.length > 0) cc.env.rt.noteDyn(tupleBytes(cc, sym.keyTypes!), 0);
  const id = sym.id;
  const aggs = cc.env.aggs;
  const val = args.length > 0 ? asInt(isInteger(args[0]!.t) ? args[0]! : { ...args[0]!, t: T_ULONG, ev: ptrAsInt(args[0]!) }, T_LONG) : null;
  const incrArg = fname === 'quantize' ? args[1] : fname === 'lquantize' ? args[4] : fname === 'llquantize' ? args[5] : undefined;
  const incr = incrArg ? asInt(incrArg, T_LONG) : null;
  const keyEvs = keys.map((k, i) => {
    const ev = tupleKey(coerce(cc, k, sym!.keyTypes![i]!)).ev;
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

/** Where the optional increment of quantize/lquantize/llquantize sits: argument number (1-based, expression first). */
const INCR_ARG: Readonly<Record<string, number>> = { quantize: 2, lquantize: 5, llquantize: 6 };

/**
 * dt_compile_agg: the optional increment must be scalar and must be the last
 * argument. lquantize's step is optional too, so its increment is the fifth
 * argument whatever comes before.
 */
function checkIncrement(fname: string, args: X[], call: A.Call): void {
  const argmax = INCR_ARG[fname];
  if (argmax === undefined || args.length < argmax) return;
  const incr = args[argmax - 1]!;
  if (!isScalar(incr.t) || incr.agg || incr.dyn) {
    fail('D_PROTO_ARG', `${fname}( ) increment value (argument #${argmax}) must be of scalar type`, call.loc);
  }
  if (args.length > argmax) {
    fail('D_PROTO_LEN', `${fname}( ) prototype mismatch: ${args.length} args passed, at most ${argmax} expected`, call.args[argmax - 1]!.loc);
  }
}

/** Constant parameters of lquantize/llquantize, checked by the library as dt_cc.c checks them. */
function aggParams(fname: string, args: X[], call: A.Call, previous?: AggParams): AggParams {
  if (fname !== 'lquantize' && fname !== 'llquantize') return {};
  const consts = args.slice(1, fname === 'lquantize' ? 4 : 5).map((x) => (x.cv !== undefined && typeof x.cv !== 'string' ? Number(x.cv) : null));
  const r = fname === 'lquantize' ? checkLquantize(consts, previous) : checkLlquantize(consts, previous);
  if (isAggCheckError(r)) fail(r.tag as 'D_LQUANT_BASETYPE', r.message, r.arg ? call.args[r.arg]?.loc ?? call.loc : call.loc);
  return r;
}

// ================================================================ actions

export function action(cc: Compiler, name: string, kind: string, e: A.Call): Stmt {
  const out = cc.env.out;
  const quiet = cc.env.quiet;
  if (kind === 'destructive') {
    if (name === 'system' || name === 'freopen') { cc.destructive.push(name); return hostAction(cc, e, name, out); }
    const args = e.args.map((a) => cc.expr(a));
    checkArgs(cc, name, BUILTIN_FUNCS.get(name)!.proto, args, e.loc);
    // dtrace compiles destructive actions and refuses to enable them without -w (the engine decides).
    cc.destructive.push(name);
    return () => undefined;
  }
  const f = BUILTIN_FUNCS.get(name)!;
  switch (name) {
    case 'trace': case 'print': {
      const args = e.args.map((a) => cc.expr(a));
      checkArgs(cc, name, f.proto, args, e.loc);
      const x = args[0]!;
      if (x.dyn) fail('D_TRACE_DYN', `${name}( ) may not be applied to a dynamic expression`, e.loc);
      if (x.agg || isVoid(x.t)) fail('D_TRACE_VOID', `${name}( ) may not be applied to a void expression`, e.loc);
      const r = resolve(x.t);
      if (r.kind === 'string' || isCharArrayOrPtr(x.t) && r.kind === 'array') {
        const sv = derefStringEv(cc, x);
        // A string's record is strsize characters and a NUL (Oracle's layout: README "What differs"); a char array's is its size.
        const isStr = r.kind === 'string', max = cc.strsize, n = isStr ? max + 1 : max;
        // dt_print_bytes: the rawbytes option dumps a string record in hex too (read when it runs: setopt() may change it).
        return (c) => {
          const v = sv(c);
          out.push(traceString(isStr && v.length > max ? v.slice(0, max) : v, n, quiet(), cc.env.opt('rawbytes') !== undefined));
        };
      }
      if (name === 'print' && (r.kind === 'pointer' || r.kind === 'struct' || r.kind === 'union')) return printAction(cc, x, e, out);
      if (r.kind === 'int' || r.kind === 'enum' || r.kind === 'pointer') {
        const size = r.kind === 'int' ? r.size : r.kind === 'enum' ? 4 : 8;
        const signed = r.kind === 'int' ? r.signed : r.kind === 'enum';
        const ev = r.kind === 'pointer' ? ptrAsInt(x) : (x.ev as IntEv);
        return (c) => { out.push(traceInt(ev(c) as DInt, size, signed, quiet())); };
      }
      if (r.kind === 'struct' || r.kind === 'union' || r.kind === 'array') {
        if (TRANSLATED.has(r as StructType)) fail('D_TRACE_DYN', `${name}( ) may not be applied to a translated type`, e.loc);
        const size = sizeOf(x.t);
        if (size > MAX_RECORD) fail('D_TRACE_DYN', `${name}( ) may not be applied to an object of ${size} bytes: the limit is ${MAX_RECORD}`, e.loc);
        const ev = x.ev as IntEv;
        const rt = cc.env.rt;
        return (c) => { out.push(hexDump(rt.loadBytes(ev(c), size))); };
      }
      if (r.kind === 'float') { const ev = x.ev; return (c) => { out.push(String(ev(c))); }; }
      return fail('D_TRACE_DYN', `${name}( ) may not be applied to a dynamic expression`, e.loc);
    }
    case 'printf': return printfAction(cc, e, out);
    case 'printa': return printaAction(cc, e, out);
    case 'exit': {
      const args = e.args.map((a) => cc.expr(a));
      checkArgs(cc, name, f.proto, args, e.loc);
      const v = asInt(args[0]!, T_INT);
      return (c) => { out.recorded = true; out.exitStatus = Number(v(c)); };
    }
    case 'tracemem': {
      const args = e.args.map((a) => cc.expr(a));
      checkArgs(cc, name, f.proto, args, e.loc);
      if (!isPointer(args[0]!.t) && !isInteger(args[0]!.t)) fail('D_TRACEMEM_ADDR', 'tracemem( ) argument #1 is incompatible with prototype:\n\tprototype: pointer or integer\n\t argument: ' + args[0]!.t.name, e.loc);
      if (args[1]!.cv === undefined) fail('D_TRACEMEM_SIZE', 'tracemem( ) argument #2 must be a non-zero positive integral constant expression', e.loc);
      const size = Number(args[1]!.cv);
      if (size <= 0) fail('D_TRACEMEM_SIZE', 'tracemem( ) argument #2 must be a non-zero positive integral constant expression', e.loc);
      if (size > MAX_RECORD) fail('D_TRACEMEM_SIZE', `tracemem( ) argument #2 is too large: the limit is ${MAX_RECORD} bytes`, e.loc);
      const a = args[0]!.ev as IntEv;
      const dyn = args.length > 2 ? asInt(args[2]!, T_LONG) : null;
      const rt = cc.env.rt;
      return (c) => {
        let n = size;
        if (dyn) { const d = Number(dyn(c)); if (d >= 0 && d < n) n = d; }
        out.push(hexDump(rt.loadBytes(a(c), n)));
      };
    }
    case 'stack': case 'ustack': case 'jstack': {
      const args = e.args.map((a) => cc.expr(a));
      checkArgs(cc, name, f.proto, args, e.loc);
      const ctx = cc.env.rt.ctx;
      if (name === 'stack') cc.env.rt.usesStack = true;
      // ustack()/jstack(): no user process sends packets here, so the user stack is empty and
      // prints as dtrace prints an empty one (a kernel thread's): the newline alone.
      if (name !== 'stack') return () => { out.push('\n'); };
      const indent = Number(cc.env.opt('stackindent') ?? STACK_INDENT) || STACK_INDENT;
      return () => { out.push(formatStackDefault(ctx.stackLines, indent)); };
    }
    case 'speculate': {
      cc.speculates = true;
      const args = e.args.map((a) => cc.expr(a));
      checkArgs(cc, name, f.proto, args, e.loc);
      const v = asInt(args[0]!, T_INT);
      const rt = cc.env.rt;
      return (c) => {
        const id = Number(v(c));
        const s = id >= 1 ? rt.specs[id - 1] : undefined;
        // No active speculation by that ID (0, out of range, not yet speculation()'d or already
        // committed): the clause's data has nowhere to go, so the rest of the clause does not run.
        if (!s || !s.active) { out.spec = null; throw CLAUSE_EXIT; }
        out.spec = s;
      };
    }
    case 'commit': case 'discard': {
      const args = e.args.map((a) => cc.expr(a));
      checkArgs(cc, name, f.proto, args, e.loc);
      const v = asInt(args[0]!, T_INT);
      const rt = cc.env.rt;
      const mode = name;
      return (c) => {
        const id = Number(v(c));
        // dtrace_speculation_commit/discard: an ID past nspec (a negative one read unsigned) is an illegal operation.
        if (id < 0 || id > rt.specs.length) fault(FLT_ILLOP, 0);
        const s = id >= 1 ? rt.specs[id - 1] : undefined;
        if (!s) return;
        if (s.active) { s.pending = mode; s.active = false; rt.specPending = true; rt.specSettle.push(s); }
      };
    }
    case 'clear': case 'trunc': case 'normalize': case 'denormalize': {
      // The prototype first (dt_idcook_func: void(@), void(@, [int64_t]), void(@, uint64_t)),
      // then the action's own checks (dt_cg_act_clear/normalize/trunc).
      const tag = name.toUpperCase();
      const args = e.args.map((a) => cc.expr(a));
      checkArgs(cc, name, f.proto, args, e.loc);
      const a0 = e.args[0]!;
      if (a0.kind !== 'Agg' || a0.keys !== null) fail(`D_${tag}_AGGARG` as 'D_CLEAR_AGGARG', `${name}( ) argument #1 is incompatible with prototype:\n\tprototype: aggregation\n\t argument: ${a0.kind === 'Agg' ? 'aggregation' : args[0]!.agg ? 'void' : args[0]!.t.name}`, e.loc);
      const sym = cc.syms.aggs.get(a0.name);
      if (!sym) fail(`D_${tag}_AGGBAD` as 'D_CLEAR_AGGBAD', `undefined aggregation: @${a0.name}`, e.loc);
      const n = args.length > 1 ? asInt(args[1]!, T_LONG) : null;
      const id = sym.id;
      const mode = name as 'clear' | 'trunc' | 'normalize' | 'denormalize';
      if (mode === 'normalize') {
        // libdtrace divides every value by the normalization when printing: a zero one would divide by
        // zero (dtrace itself dies of SIGFPE). Here it is the clause's divide-by-zero error.
        return (c) => { const v = n!(c); if (I.isZero(v)) fault(FLT_DIVZERO); cc.env.clearAgg(id, mode, v); out.recorded = true; };
      }
      return (c) => { cc.env.clearAgg(id, mode, n ? n(c) : (mode === 'trunc' ? 0 : 1)); out.recorded = true; };
    }
    case 'setopt': {
      const args = e.args.map((a) => cc.expr(a));
      checkArgs(cc, name, f.proto, args, e.loc);
      const a = toStringEv(cc, args[0]!), b = args.length > 1 ? toStringEv(cc, args[1]!) : null;
      return (c) => { cc.env.setopt(a(c), b ? b(c) : undefined); };
    }
    case 'ftruncate': return () => { out.recorded = true; };
    case 'func': case 'mod': case 'sym': case 'ufunc': case 'umod': case 'usym': case 'uaddr': {
      const x = call(cc, e);
      const ev = x.ev as IntEv;
      return (c) => { out.push(quiet() ? '0x' + BigInt(ev(c)).toString(16) : '  ' + ('0x' + BigInt(ev(c)).toString(16)).padEnd(33)); };
    }
    case 'printm': return () => { out.recorded = true; };
  }
  return fail('D_UNKNOWN', `unknown action ${name}`, e.loc);
}

function formatArgs(cc: Compiler, e: A.Call, from: number): { types: DType[]; evs: Ev[] } {
  const types: DType[] = [];
  const evs: Ev[] = [];
  for (let i = from; i < e.args.length; i++) {
    const a = e.args[i]!;
    if (a.kind === 'Agg') { types.push(AGG_TYPE); evs.push(() => 0); continue; }
    const x = cc.expr(a);
    if (x.agg) { types.push(T_VOID); evs.push(() => 0); continue; }
    types.push(x.t);
    const r = resolve(x.t);
    if (r.kind === 'array' && isCharArrayOrPtr(x.t)) evs.push(toStringEv(cc, x));
    else if (r.kind === 'string') evs.push(derefStringEv(cc, x));
    else if (r.kind === 'pointer') evs.push(ptrAsInt(x));
    else evs.push(stored(x).ev); // an integer's record holds its type's bits (intreg.ts)
  }
  return { types, evs };
}

/** A printf-like action's format and arguments (dt_action_printflike: printf, system, freopen). */
function printflike(cc: Compiler, e: A.Call, name: string): { pf: ParsedFormat; load: (c: FireCtx) => PfValue[]; types: DType[] } {
  if (e.args.length === 0) fail('D_PROTO_LEN', `${name}( ) prototype mismatch: 0 args passed, at least 1 expected`, e.loc);
  const f0 = e.args[0]!;
  if (f0.kind !== 'StringLit') {
    const x = cc.expr(f0);
    // Not a string: the prototype check (D_PROTO_ARG); a string but not a constant: dt_printf's own check.
    if (isString(x.t)) fail('D_PRINTF_ARG_FMT', `${name}( ) argument #1 is incompatible with prototype:\n\tprototype: string constant\n\t argument: ${x.t.name}`, e.loc);
    fail('D_PROTO_ARG', `${name}( ) argument #1 is incompatible with prototype:\n\tprototype: string\n\t argument: ${x.t.name}`, e.loc);
  }
  // The arguments are cooked before the format is parsed (dt_printf_create runs at code generation).
  const { types, evs } = formatArgs(cc, e, 1);
  const pf = parseFormat(f0.value);
  // dt_printf_create reports a malformed format with yyerror: D_SYNTAX, without the function's name.
  if (isFormatError(pf)) return fail('D_SYNTAX', pf.message.replace(/^printf\( \) /, ''), e.loc);
  const err = checkFormat(pf, types.map((t) => typeDesc(t, cc.strsize)), { func: name, foff: 1, exactLen: true });
  if (err) fail(err.tag as 'D_PRINTF_ARG_TYPE', err.message, e.loc);
  const vals: PfValue[] = new Array<PfValue>(evs.length);
  // A string argument is a record of strsize bytes, printed whole when no NUL fits in it (illumos pfprint_cstr).
  const n = cc.strsize;
  return {
    pf,
    types,
    load: (c) => {
      for (let i = 0; i < evs.length; i++) {
        const v = evs[i]!(c) as PfValue;
        vals[i] = typeof v === 'string' && v.length > n ? v.slice(0, n) : v;
      }
      return vals;
    },
  };
}

/**
 * print() of a pointer (Oracle's dt_cg_act_print, dt_print_type): the object it
 * points to, member by member with types ("ADDR = *" first); of a struct or
 * union value, the same layout without the address. The record holds the
 * whole object; the printsize option (read when it prints) bounds the shown bytes.
 */
function printAction(cc: Compiler, x: X, e: A.Call, out: ClauseOutput): Stmt {
  const r = resolve(x.t);
  const to = r.kind === 'pointer' ? r.to : x.t;
  const size = sizeOf(to);
  if (!(size > 0)) fail('D_PRINT_SIZE', `print( ) argument #1 reference has type '${to.name}' with size 0; cannot print( ) it.`, e.args[0]!.loc);
  if (size > MAX_RECORD) fail('D_TRACE_DYN', `print( ) may not be applied to an object of ${size} bytes: the limit is ${MAX_RECORD}`, e.loc);
  const rt = cc.env.rt;
  const shown = (): number => { const v = cc.env.opt('printsize'); return printSize(v === undefined ? undefined : parseSize(v.trim())); };
  if (r.kind === 'pointer') {
    const a = ptrAsInt(x);
    return (c) => {
      const addr = a(c) as DInt;
      // A NULL or unreadable pointer faults here, as the BPF code's pointer check and probe_read do.
      const bytes = rt.loadBytes(addr, size);
      out.push(printTyped(to, bytes, shown(), BigInt.asUintN(64, BigInt(addr))));
    };
  }
  const ev = x.ev as IntEv;
  return (c) => { out.push(printTyped(to, rt.loadBytes(ev(c), size), shown(), null)); };
}

function printfAction(cc: Compiler, e: A.Call, out: ClauseOutput): Stmt {
  const { pf, load, types } = printflike(cc, e, 'printf');
  const fctx = cc.env.formatContext ?? {};
  if (cc.env.opt('recfmt') === 'parquet') {
    // -x recfmt=parquet: the firing is a typed row (src/engine/records), not text.
    const stmt = cc.printfStmts.push({ format: (e.args[0] as A.StringLit).value, types }) - 1;
    return (c) => { out.rows.push({ stmt, values: load(c).slice() }); };
  }
  return (c) => {
    const vals = load(c);
    // Straight into the clause's buffer: no string per line (formatValuesInto prints what formatValues returns).
    out.recorded = true;
    formatValuesInto(pf, vals, fctx, out.buf);
  };
}

/**
 * system() and freopen(): the consumer runs them when it prints the record
 * (dt_consume: dtrace_system flushes the output, then system(3C);
 * dtrace_freopen reopens standard output), so the clause records the
 * formatted command at its place in the clause's output.
 */
function hostAction(cc: Compiler, e: A.Call, name: 'system' | 'freopen', out: ClauseOutput): Stmt {
  const f0 = e.args[0];
  let call = e;
  if (name === 'freopen' && f0?.kind === 'StringLit') {
    // "." is dtrace's sentinel for freopen("") (restore standard output): a script may not name it;
    // dt_action_printflike turns "" into it before the format is compiled.
    if (f0.value === '.') fail('D_FREOPEN_INVALID', 'freopen( ) argument #1 cannot be "."', e.loc);
    if (f0.value === '') call = { ...e, args: [{ ...f0, value: '.' }, ...e.args.slice(1)] };
  }
  const { pf, load } = printflike(cc, call, name);
  const fctx = cc.env.formatContext ?? {};
  // dtrace_freopen: a file name formatted as "." restores the original output.
  if (name === 'freopen') return (c) => { const v = formatValues(pf, load(c), fctx); out.host(name, v === '.' ? '' : v); };
  return (c) => { out.host(name, formatValues(pf, load(c), fctx)); };
}

function printaAction(cc: Compiler, e: A.Call, out: ClauseOutput): Stmt {
  // dt_idcook_func against void(@, ...): no argument at all is a prototype mismatch.
  if (e.args.length === 0) fail('D_PROTO_LEN', 'printa( ) prototype mismatch: 0 args passed, at least 1 expected', e.loc);
  let i = 0;
  let pf: ParsedFormat | null = null;
  const a0 = e.args[0]!;
  if (a0.kind === 'StringLit') {
    const p = parseFormat(a0.value);
    if (isFormatError(p)) return fail('D_SYNTAX', p.message.replace(/^printf\( \) /, ''), e.loc);
    pf = p;
    i = 1;
  } else if (a0.kind !== 'Agg') {
    const x = cc.expr(a0);
    fail('D_PRINTA_AGGARG', `printa( ) argument #1 is incompatible with prototype:\n\tprototype: aggregation\n\t argument: ${x.t.name}`, e.loc);
  }
  const ids: number[] = [];
  let first: { keyTypes: DType[]; func: string; name: string } | null = null;
  for (; i < e.args.length; i++) {
    const a = e.args[i]!;
    if (a.kind !== 'Agg') {
      const x = cc.expr(a);
      fail('D_PRINTA_AGGARG', `printa( ) argument #${i + 1} is incompatible with prototype:\n\tprototype: aggregation\n\t argument: ${x.t.name}`, e.loc);
    }
    if (a.keys !== null) fail('D_PRINTA_AGGBAD', `printa( ) argument #${i + 1} is incompatible with prototype:\n\tprototype: aggregation\n\t argument: ${'aggregation'}`, e.loc);
    const sym = cc.syms.aggs.get(a.name);
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
    const err = checkFormat(pf, first!.keyTypes.map((t) => typeDesc(t, cc.strsize)), { func: 'printa', foff: 1, aggregation: true, aggFunc: first!.func });
    if (err) fail(err.tag as 'D_PRINTF_ARG_TYPE', err.message, e.loc);
  }
  const env = cc.env;
  return () => { out.push(env.printa(pf, ids)); };
}
