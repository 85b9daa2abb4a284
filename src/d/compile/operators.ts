/**
 * The unary, binary, comparison, ?: and cast operators with dt_parser.c's
 * type rules and messages, and the value conversions every pass uses:
 * asInt (an integer closure of a given type), toStringEv / derefStringEv
 * (string closures), coerce (conversion for storage) and memValue (an
 * object read from memory). Constant operands fold into cv as dtrace folds
 * them while parsing; 32-bit integer closures allocate nothing.
 *
 * Its exports are the compiler's internals: for this folder only.
 */
import type * as A from '../ast.ts';
import * as I from '../runtime/int64.ts';
import type { DInt, IntSize } from '../runtime/int64.ts';
import type { FireCtx } from '../runtime/context.ts';
import { fault, NULL_STR, FLT_BADADDR } from '../runtime/state.ts';
import { fail } from '../check/errors.ts';
import { TRANSLATED } from '../types/builtins.ts';
import {
  T_CHAR, T_INT, T_LONG, T_STRING, T_ULONG, intInfo, isArith, isCharArrayOrPtr, isInteger, isPointer, isScalar,
  isString, pointerTo, dtPromote, ptrCompat, resolve, sameType, sizeOf, type DType, type IntType,
} from '../types/types.ts';
import { truthOf, type Ev, type IntEv, type StrEv } from './values.ts';
import { intArith, intShift, intUnary, castInt, narrow, reinterpret } from './intreg.ts';
import type { Compiler } from './compiler.ts';
import { type X, type LValue, TYPE_PTRDIFF, isDArith } from './cooked.ts';
import { unaryOperand } from './access.ts';

export function unary(cc: Compiler, e: A.Unary): X {
  if (e.op === '&') return addressOf(cc, e);
  const x = unaryOperand(cc, e.operand);
  const op = e.op;
  switch (op) {
    case '-': case '+': {
      if (!isDArith(x.t)) fail('D_OP_ARITH', `operator ${op} requires an operand of arithmetic type`, e.loc);
      // dt_cook_op1: the operand's own type (no promotion to int).
      if (op === '+') return { t: x.t, ev: x.ev, cv: x.cv, bits: x.bits };
      return intUnary('-', x);
    }
    case '~': {
      if (!isInteger(x.t)) fail('D_OP_INT', `operator ${op} requires an operand of integral type`, e.loc);
      return intUnary('~', x);
    }
    case '!': {
      if (!isScalar(x.t)) fail('D_OP_SCALAR', `operator ${op} requires an operand of scalar type`, e.loc);
      const tr = x.test ?? truthOf(x.ev, x.t);
      return { t: T_INT, ev: (c) => (tr(c) ? 0 : 1), cv: x.cv !== undefined ? (x.cv == 0 ? 1 : 0) : undefined, test: (c) => !tr(c) };
    }
    case '*': return deref(cc, x, e.loc);
  }
}

export function deref(cc: Compiler, x: X, loc: A.Span): X {
  const r = resolve(x.t);
  if (r.kind === 'string') {
    // A string is an array of char: *s is its first character (0 at its end); NULL faults.
    const sv = x.ev as StrEv;
    return { t: T_CHAR, ev: (c) => { const s = sv(c); if (s === NULL_STR) fault(FLT_BADADDR, 0); return s.length === 0 ? 0 : (s.charCodeAt(0) << 24) >> 24; } };
  }
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
  return memValue(cc, to, addr, true);
}

/**
 * The value of an object of type t at address addr (structs/arrays: the
 * address itself); stores go to waddr when it differs (a member of a
 * dynamic struct, created by its first store).
 */
export function memValue(cc: Compiler, t: DType, addr: IntEv, writable: boolean, waddr: IntEv = addr): X {
  const r = resolve(t);
  const rt = cc.env.rt;
  const lv: LValue = { kind: 'mem', writable, addr: waddr };
  switch (r.kind) {
    case 'int': case 'enum': {
      const size = r.kind === 'int' ? r.size : 4;
      const signed = r.kind === 'int' ? r.signed : true;
      return { t, ev: (c) => { const a = addr(c); if (a === 0) fault(FLT_BADADDR, 0); return rt.load(a, size, signed); }, lv };
    }
    case 'pointer':
      return { t, ev: (c) => { const a = addr(c); if (a === 0) fault(FLT_BADADDR, 0); return rt.load(a, 8, false); }, lv };
    case 'string': {
      const max = cc.strsize;
      return { t, ev: (c) => rt.loadString(addr(c), max), lv };
    }
    case 'float':
      return { t, ev: (c) => { const a = addr(c); const b = rt.loadBytes(a, r.size); const dv = new DataView(b.buffer, b.byteOffset, b.length); return r.size === 4 ? dv.getFloat32(0, true) : dv.getFloat64(0, true); }, lv };
    default:
      return { t, ev: (c) => { const a = addr(c); if (a === 0) fault(FLT_BADADDR, 0); return a; }, lv };
  }
}

function addressOf(cc: Compiler, e: A.Unary): X {
  const o = e.operand;
  // & of an aggregation (or one of its elements) or of any D variable — global, thread-local,
  // clause-local, built-in or associative array element, struct-valued or not — is refused
  // (dt_cook_op1); members and C array elements of a variable are ordinary objects.
  if (o.kind === 'Agg' || (o.kind === 'Index' && o.object.kind === 'Agg')) fail('D_ADDROF_VAR', 'cannot take address of dynamic variable', e.loc);
  const x = cc.expr(o);
  if (x.dvar) fail('D_ADDROF_VAR', 'cannot take address of dynamic variable', e.loc);
  if (x.dyn) fail('D_ADDROF_VAR', 'cannot take address of dynamic object', e.loc);
  if (x.bitfield) fail('D_ADDROF_BITFIELD', 'cannot take address of bit-field', e.loc);
  if (!x.lv) fail('D_ADDROF_LVAL', 'unacceptable operand for unary & operator', e.loc);
  if (x.lv.kind === 'mem' && x.lv.addr) return { t: pointerTo(x.t), ev: x.lv.addr };
  if (x.lv.kind === 'member-xl') {
    // &args[2]->ip_saddr and the like: a string member copied into memory.
    const ev = x.ev;
    const rt = cc.env.rt;
    if (isString(x.t)) return { t: pointerTo(T_CHAR), ev: (c) => rt.stringRegion(ev(c) as string) };
    return fail('D_ADDROF_VAR', 'cannot take address of dynamic object', e.loc);
  }
  return fail('D_ADDROF_VAR', 'cannot take address of dynamic variable', e.loc);
}

export function binary(cc: Compiler, e: A.Binary): X {
  const op = e.op;
  if (op === '&&' || op === '||' || op === '^^') {
    const l = cc.expr(e.left), r = cc.expr(e.right);
    if (!isScalar(l.t) || !isScalar(r.t)) fail('D_OP_SCALAR', `operator ${op} requires operands of scalar type`, e.loc);
    const a = l.test ?? truthOf(l.ev, l.t), b = r.test ?? truthOf(r.ev, r.t);
    const test: (c: FireCtx) => boolean = op === '&&' ? (c) => a(c) && b(c) : op === '||' ? (c) => a(c) || b(c) : (c) => a(c) !== b(c);
    return { t: T_INT, ev: (c) => (test(c) ? 1 : 0), test };
  }
  if (op === '==' || op === '!=' || op === '<' || op === '>' || op === '<=' || op === '>=') return compare(cc, e);
  const l = cc.expr(e.left), r = cc.expr(e.right);
  switch (op) {
    case '+': case '-': {
      // A pointer to void or to a function has no element size: not a pointer here (dt_node_is_vfptr).
      const lp = (isPointer(l.t) && !isVfPtr(l.t)) || isString(l.t), rp = (isPointer(r.t) && !isVfPtr(r.t)) || isString(r.t);
      const li = isInteger(l.t), ri = isInteger(r.t);
      if (li && ri) return arith(op, l, r);
      if (lp && ri) return ptrArith(op, l, r);
      if (li && rp && op === '+') return ptrArith(op, r, l);
      if (lp && rp && op === '-' && ptrCompat(l.t, r.t)) {
        const el = elemSize(l.t);
        const a = l.ev as IntEv, b = r.ev as IntEv;
        return { t: TYPE_PTRDIFF, ev: (c) => I.div(I.sub(a(c), b(c), 8, true), el, 8, true) };
      }
      return fail('D_OP_INCOMPAT', `operands have incompatible types: "${l.t.name}" ${op} "${r.t.name}"`, e.loc);
    }
    case '*': case '/':
      if (!isDArith(l.t) || !isDArith(r.t)) fail('D_OP_ARITH', `operator ${op} requires operands of arithmetic type`, e.loc);
      return arith(op, l, r, e.loc);
    case '%': case '&': case '|': case '^':
      if (!isInteger(l.t) || !isInteger(r.t)) fail('D_OP_INT', `operator ${op} requires operands of integral type`, e.loc);
      return arith(op, l, r, e.loc);
    case '<<': case '>>': {
      if (!isInteger(l.t) || !isInteger(r.t)) fail('D_OP_INT', `operator ${op} requires operands of integral type`, e.loc);
      return intShift(op, l, r);
    }
  }
  return fail('D_UNKNOWN', `invalid binary op ${op}`, e.loc);
}

/** Integer arithmetic on D's promoted type, in the 64-bit register (intreg.ts). */
export function arith(op: string, l: X, r: X, loc?: A.Span): X {
  if ((op === '/' || op === '%') && r.cv !== undefined && r.cv == 0) {
    fail('D_DIV_ZERO', `expression contains division by zero`, loc);
  }
  return intArith(op, l, r, dtPromote(l.t, r.t));
}

function asNum(x: X): (c: FireCtx) => number {
  const ev = x.ev;
  return (c) => Number(ev(c));
}

/**
 * Pointer arithmetic. D treats a string as a pointer here (dt_cook_op2,
 * DT_TOK_ADD/SUB): string + n is the string from its n-th character on,
 * still a string. A char pointer may hold a D string too (assigned from a
 * string): it advances the same way.
 */
export function ptrArith(op: string, p: X, n: X): X {
  const b = asInt(n, T_LONG);
  const sign = op === '+' ? 1 : -1;
  if (isString(p.t)) {
    const sv = p.ev as StrEv;
    return { t: p.t, ev: (c) => strAdvance(sv(c), sign * Number(b(c))) };
  }
  const el = elemSize(p.t);
  const a = p.ev as IntEv;
  const t = resolve(p.t).kind === 'array' ? pointerTo((resolve(p.t) as { of: DType }).of) : p.t;
  if (op === '+') {
    return { t, ev: (c) => { const v = a(c); return typeof v === 'string' ? strAdvance(v, Number(b(c)) * el) as unknown as DInt : I.add(v, I.mul(b(c), el, 8, true), 8, false); } };
  }
  return { t, ev: (c) => { const v = a(c); return typeof v === 'string' ? strAdvance(v, -Number(b(c)) * el) as unknown as DInt : I.sub(v, I.mul(b(c), el, 8, true), 8, false); } };
}

function isVfPtr(t: DType): boolean {
  const r = resolve(t);
  if (r.kind !== 'pointer') return false;
  const k = resolve(r.to).kind;
  return k === 'void' || k === 'func';
}

/** The string s advanced by n characters: past its end it is empty; the NULL string faults at address n. */
function strAdvance(s: string, n: number): string {
  if (s === NULL_STR) return fault(FLT_BADADDR, n);
  if (n === 0) return s;
  return n < 0 || n >= s.length ? '' : s.slice(n);
}

function compare(cc: Compiler, e: A.Binary): X {
  const op = e.op;
  const l = cc.expr(e.left);
  // An identifier on the right naming an enumerator of the left's enum type.
  let r: X;
  const lr = resolve(l.t);
  if (lr.kind === 'enum' && e.right.kind === 'Ident' && lr.values.has(e.right.name)) {
    const v = lr.values.get(e.right.name)!;
    r = { t: l.t, ev: () => v, cv: v };
  } else r = cc.expr(e.right);
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
    const a = cmpStr(toStringEv(cc, l)), b = cmpStr(toStringEv(cc, r));
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
    // dt_cg_compare_signed: the registers compared, signed if the promoted type is.
    const sg = intInfo(dtPromote(l.t, r.t)).signed;
    a = reinterpret(l, sg).ev;
    b = reinterpret(r, sg).ev;
  } else if ((isPointer(l.t) || isInteger(l.t)) && (isPointer(r.t) || isInteger(r.t)) && (sameType(l.t, r.t) || ptrCompat(l.t, r.t) || isInteger(l.t) || isInteger(r.t))) {
    a = ptrAsInt(l);
    b = ptrAsInt(r);
  } else if (isArith(l.t) && isArith(r.t)) {
    a = asNum(l);
    b = asNum(r);
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
export function ptrAsInt(x: X): Ev {
  const ev = x.ev;
  if (isInteger(x.t)) return asInt(x, T_ULONG);
  return (c) => { const v = ev(c); return v === null ? 0 : typeof v === 'object' ? 1 : v; };
}

/** The integer closure of x converted to t, as a store converts (the register narrowed to t). */
export function asInt(x: X, t: IntType): IntEv {
  return narrow(x, t);
}

export function conditional(cc: Compiler, e: A.Conditional): X {
  const test = cc.expr(e.test);
  const l = cc.expr(e.then), r = cc.expr(e.else);
  if (!isScalar(test.t)) fail('D_OP_SCALAR', 'operator ?: expression must be of scalar type', e.loc);
  if (l.act || r.act) fail('D_OP_ACT', 'action cannot be used in a conditional context', e.loc);
  const tr = test.test ?? truthOf(test.ev, test.t);
  let t: DType;
  let a: Ev, b: Ev;
  let bits: number | undefined;
  if (isInteger(l.t) && isInteger(r.t)) {
    // dt_cook_op3: the promoted type; the registers pass through (intreg.ts).
    t = sameType(l.t, r.t) ? l.t : dtPromote(l.t, r.t);
    const sg = intInfo(t).signed;
    const L = reinterpret(l, sg), R = reinterpret(r, sg);
    a = L.ev; b = R.ev;
    if (l.bits !== undefined || r.bits !== undefined || !sameType(l.t, r.t)) bits = Math.max(L.bits, R.bits);
  } else if (sameType(l.t, r.t)) {
    t = l.t; a = l.ev; b = r.ev;
  } else if ((isString(l.t) || isCharArrayOrPtr(l.t)) && (isString(r.t) || isCharArrayOrPtr(r.t))) {
    t = T_STRING; a = toStringEv(cc, l); b = toStringEv(cc, r);
  } else if ((isString(l.t) && isInteger(r.t) && r.cv == 0) || (isString(r.t) && isInteger(l.t) && l.cv == 0)) {
    t = T_STRING; a = isString(l.t) ? l.ev : () => ''; b = isString(r.t) ? r.ev : () => '';
  } else if (isPointer(l.t) && isPointer(r.t) && ptrCompat(l.t, r.t)) {
    t = l.t; a = l.ev; b = r.ev;
  } else if ((isPointer(l.t) && isInteger(r.t) && r.cv == 0) || (isPointer(r.t) && isInteger(l.t) && l.cv == 0)) {
    t = isPointer(l.t) ? l.t : r.t; a = l.ev; b = r.ev;
  } else {
    return fail('D_OP_INCOMPAT', 'operator ?: operands must have compatible types', e.loc);
  }
  return { t, ev: (c) => (tr(c) ? a(c) : b(c)), bits };
}

export function cast(cc: Compiler, e: A.Cast): X {
  const to = cc.decl.typeName(e.typeName);
  const x = cc.expr(e.operand);
  const tr = resolve(to);
  // Translated data is dynamic: only a cast to void accepts it (dt_cook_op2, DT_TOK_LPAR).
  if (x.xl !== undefined && tr.kind !== 'void') fail('D_CAST_INVAL', `invalid cast expression: "${x.xl}" to "${to.name}"`, e.loc);
  const ok = sameType(to, x.t) || (isScalar(to) && isScalar(x.t)) || tr.kind === 'void' ||
    (tr.kind === 'pointer' && isPointer(x.t)) || (tr.kind === 'string' && (isScalar(x.t) || isPointer(x.t) || isString(x.t) || isCharArrayOrPtr(x.t)));
  if (!ok) fail('D_CAST_INVAL', `invalid cast expression: "${x.t.name}" to "${to.name}"`, e.loc);
  if (tr.kind === 'void') { const ev = x.ev; return { t: to, ev: (c) => { ev(c); return 0; } }; }
  if (tr.kind === 'string') return { t: to, ev: toStringEv(cc, x) };
  if (tr.kind === 'int' || tr.kind === 'enum') {
    if (resolve(x.t).kind === 'float') {
      const ev = x.ev; const it = intInfo(to);
      return { t: to, ev: (c) => I.fromDouble(ev(c) as number, it.size as IntSize, it.signed) };
    }
    return castInt(isInteger(x.t) ? x : { t: T_ULONG, ev: ptrAsInt(x) }, to);
  }
  if (tr.kind === 'float') { const ev = x.ev; return { t: to, ev: (c) => Number(ev(c)) }; }
  if (tr.kind === 'pointer') {
    const pr = resolve(tr.to);
    if ((pr.kind === 'struct' || pr.kind === 'union') && TRANSLATED.has(pr)) return { t: to, ev: x.ev };
    if (isString(x.t)) return { t: to, ev: x.ev };
    return { t: to, ev: isInteger(x.t) ? asInt(x, T_ULONG) : x.ev };
  }
  return { t: to, ev: x.ev };
}

/** toStringEv for a use that reads the characters (trace, printf %s, string subroutines): the NULL string faults as dtrace's load from address 0 does. */
export function derefStringEv(cc: Compiler, x: X): StrEv {
  // An integer here is the NULL pointer constant a string parameter accepts (checkArgs): it is an
  // address to read from, so strlen(0) faults as strlen((char *)0) does, not the text "0".
  if (isInteger(x.t)) { const rt = cc.env.rt, ev = x.ev, max = cc.strsize; return (c) => rt.loadString(ev(c) as DInt, max); }
  const sv = toStringEv(cc, x);
  return (c) => { const v = sv(c); return v === NULL_STR ? fault(FLT_BADADDR, 0) : v; };
}

/** A string closure for a string, char array/pointer (read from memory) or scalar (stringof). */
export function toStringEv(cc: Compiler, x: X): StrEv {
  const ev = x.ev;
  if (isString(x.t)) return ev as StrEv;
  const rt = cc.env.rt;
  const max = cc.strsize;
  if (isCharArrayOrPtr(x.t)) return (c) => { const v = ev(c); return typeof v === 'string' ? v : rt.loadString(v as DInt, max); };
  if (isPointer(x.t)) return (c) => rt.loadString(ev(c) as DInt, max);
  return (c) => String(ev(c));
}

/** Convert x to type t for storage. */
export function coerce(cc: Compiler, x: X, t: DType): X {
  if (isInteger(t) && isInteger(x.t)) {
    const it = intInfo(t);
    const cv = x.cv !== undefined && typeof x.cv !== 'string' ? I.wrap(x.cv, it.size as IntSize, it.signed) : undefined;
    return { t, ev: narrow(x, it), cv };
  }
  if (isString(t) && !isString(x.t)) return { t, ev: toStringEv(cc, x) };
  if (isString(t)) {
    const ev = x.ev as StrEv;
    // illumos dtrace_vcopy: a stored string keeps up to strsize bytes, its NUL only when it fits.
    const n = cc.strsize;
    if (x.cv !== undefined) { const s = (x.cv as string).slice(0, n); return { t, ev: () => s, cv: s }; }
    return { t, ev: (c) => { const s = ev(c); return s.length > n ? s.slice(0, n) : s; } };
  }
  if (isInteger(t) && isPointer(x.t)) return { t, ev: ptrAsInt(x) };
  return { t, ev: x.ev, cv: x.cv };
}

// ---------------------------------------------------------------- helpers

function elemSize(t: DType): number {
  const r = resolve(t);
  const e = r.kind === 'pointer' ? r.to : r.kind === 'array' ? r.of : T_CHAR;
  return Math.max(1, sizeOf(e) || 1);
}

/** A string closure reading the NULL string as "" (string comparison). */
function cmpStr(sv: StrEv): StrEv {
  return (c) => { const v = sv(c); return v === NULL_STR ? '' : v; };
}
