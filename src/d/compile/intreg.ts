/**
 * D's integer register model (dt_cg.c): an integer expression computes in a
 * 64-bit register and is narrowed to its type only when it is stored — to a
 * variable, to memory, to an associative array key or a trace record
 * (trace, printf) — or cast (dt_cg_typecast). Loads sign- or zero-extend to
 * 64 bits. So `1 << 32` is an int whose register holds 2^32: quantize() sees
 * 2^32, `x = 1 << 32` stores 0, a comparison sees 2^32.
 *
 * Representation: the closure of an integer X returns its register as a
 * canonical DInt read with the signedness of X's type — signed types in
 * [-2^63, 2^63), unsigned ones in [0, 2^64). A value outside its type's range
 * is "wide". X.bits bounds the register: a register of `bits` b lies in
 * [-2^b, 2^b - 1] (signed types) or [0, 2^b - 1] (unsigned ones), as a type
 * of b value bits does (int: 31, unsigned int: 32). It is undefined for
 * values known to lie in their type's range (loads, variables), derived from
 * the value for constants, and set by the operators here. It lets them pick
 * exact double arithmetic when the result cannot leave the safe-integer
 * range (bits <= 52), so 32-bit arithmetic allocates nothing, and lets
 * stores skip narrowing when the value provably fits.
 *
 * Its exports are the compiler's internals: for this folder only.
 */
import * as I from '../runtime/int64.ts';
import type { DInt, IntSize } from '../runtime/int64.ts';
import type { FireCtx } from '../runtime/context.ts';
import { fault, FLT_DIVZERO } from '../runtime/state.ts';
import { intInfo, isInteger, type DType, type IntType } from '../types/types.ts';
import type { IntEv } from './values.ts';
import type { X } from './cooked.ts';

/** Registers of at most these bits are safe integers, exact in double arithmetic. */
const SAFE_BITS = 52;

/** A type's value bits: its values lie in [-2^b, 2^b - 1] (signed) or [0, 2^b - 1]. */
export function typeBits(t: IntType): number {
  return t.signed ? t.size * 8 - 1 : t.size * 8;
}

/** The bits of an integer X's register (see the top of this file). */
export function regBits(x: X): number {
  if (x.bits !== undefined) return x.bits;
  if (x.cv !== undefined && typeof x.cv !== 'string') return bitsOf(x.cv);
  return isInteger(x.t) ? typeBits(intInfo(x.t)) : 64;
}

/** The fewest bits b with v in [-2^b, 2^b - 1]. */
export function bitsOf(v: DInt): number {
  const n = typeof v === 'number' ? (v < 0 ? -(v + 1) : v) : (v < 0n ? -(v + 1n) : v);
  if (typeof n === 'number') return n === 0 ? 0 : n < 2147483648 ? 32 - Math.clz32(n) : n.toString(2).length;
  return n === 0n ? 0 : n.toString(2).length;
}

function isSigned(x: X): boolean {
  return isInteger(x.t) ? intInfo(x.t).signed : false;
}

/** Does every register value x may hold fit type t unchanged? */
export function fitsType(x: X, t: IntType): boolean {
  if (!isInteger(x.t)) return false;
  const from = intInfo(x.t);
  if (x.bits === undefined && (x.cv === undefined || typeof x.cv === 'string')) {
    // A value of its type's range: the C rule.
    if (from.signed === t.signed) return from.size <= t.size;
    return !from.signed && from.size < t.size;
  }
  if (x.cv !== undefined && typeof x.cv !== 'string') return I.wrap(x.cv, t.size as IntSize, t.signed) === x.cv;
  if (from.signed && !t.signed) return false;
  return regBits(x) <= typeBits(t);
}

/**
 * The register read with another signedness (the same 64 bits): what an
 * operand becomes when the operation's type differs in sign from its own.
 */
export function reinterpret(x: X, signed: boolean): { ev: IntEv; bits: number } {
  const ev = x.ev as IntEv;
  const b = regBits(x);
  if (x.cv !== undefined && typeof x.cv !== 'string') {
    const k = I.wrap(x.cv, 8, signed);
    return { ev: () => k, bits: bitsOf(k) };
  }
  if (!isInteger(x.t) || isSigned(x) === signed) return { ev, bits: b };
  if (signed) {
    // Unsigned below 2^63 reads the same; above, as its negative.
    if (b <= 63) return { ev, bits: b };
    return { ev: (c) => I.wrap(ev(c), 8, true), bits: 63 };
  }
  return { ev: (c) => { const v = ev(c); return v < 0 ? I.wrap(v, 8, false) : v; }, bits: 64 };
}

/** Store conversion: the register narrowed to type t (two's complement truncation). */
export function narrow(x: X, t: IntType): IntEv {
  if (x.cv !== undefined && typeof x.cv !== 'string') { const k = I.wrap(x.cv, t.size as IntSize, t.signed); return () => k; }
  const ev = x.ev as IntEv;
  if (fitsType(x, t)) return ev;
  switch (t.size) {
    case 4:
      return t.signed
        ? (c) => { const v = ev(c); return typeof v === 'number' ? v | 0 : Number(BigInt.asIntN(32, v)); }
        : (c) => { const v = ev(c); return typeof v === 'number' ? v >>> 0 : Number(BigInt.asUintN(32, v)); };
    case 2:
      return t.signed
        ? (c) => { const v = ev(c); return typeof v === 'number' ? (v << 16) >> 16 : Number(BigInt.asIntN(16, v)); }
        : (c) => { const v = ev(c); return typeof v === 'number' ? v & 0xffff : Number(BigInt.asUintN(16, v)); };
    case 1:
      return t.signed
        ? (c) => { const v = ev(c); return typeof v === 'number' ? (v << 24) >> 24 : Number(BigInt.asIntN(8, v)); }
        : (c) => { const v = ev(c); return typeof v === 'number' ? v & 0xff : Number(BigInt.asUintN(8, v)); };
    default:
      return t.signed
        ? (c) => { const v = ev(c); return typeof v === 'number' ? v : I.wrap(v, 8, true); }
        : (c) => { const v = ev(c); return typeof v === 'number' && v >= 0 ? v : I.wrap(v, 8, false); };
  }
}

/** x narrowed to its own type: the value a trace record or printf argument holds. */
export function stored(x: X): X {
  if (!isInteger(x.t)) return x;
  const t = intInfo(x.t);
  if (fitsType(x, t)) return x;
  const cv = x.cv !== undefined && typeof x.cv !== 'string' ? I.wrap(x.cv, t.size as IntSize, t.signed) : undefined;
  return { t: x.t, ev: narrow(x, t), cv };
}

/**
 * A cast to integer type `to` (dt_cg_typecast): the register is narrowed
 * only when the cast loses bits or changes the sign of a value of the same
 * width — to a smaller type, to a same-sized type of the other signedness,
 * or from a signed type to a wider unsigned one (not to a 64-bit type: a
 * 64-bit register has nothing to lose). Otherwise the register is kept, wide
 * or not, read with the new type's signedness.
 */
export function castInt(x: X, to: DType): X {
  const d = intInfo(to);
  const s = isInteger(x.t) ? intInfo(x.t) : intInfo(x.t); // pointers read as unsigned long
  let cut: boolean;
  if (d.size === 8) cut = false;
  else if (d.size > s.size) cut = !d.signed && s.signed;
  else if (d.size === s.size) cut = d.signed !== s.signed;
  else cut = true;
  if (cut) {
    const cv = x.cv !== undefined && typeof x.cv !== 'string' ? I.wrap(x.cv, d.size as IntSize, d.signed) : undefined;
    return { t: to, ev: narrow({ ...x, bits: x.bits ?? regBits(x) }, d), cv };
  }
  const r = reinterpret(x, d.signed);
  const cv = x.cv !== undefined && typeof x.cv !== 'string' ? I.wrap(x.cv, 8, d.signed) : undefined;
  return { t: to, ev: r.ev, cv, bits: r.bits };
}

/** A result X of type t whose register has at most `bits` bits (a constant when cv is given). */
function result(t: DType, ev: IntEv, bits: number, cv?: DInt): X {
  if (cv !== undefined) return { t, ev: () => cv, cv };
  return { t, ev, bits };
}

/**
 * A binary arithmetic or bitwise operator (+ - * / % & | ^) on integers of
 * result type t (dtPromote of the operands): both registers are read with
 * t's signedness and combined at 64 bits. Division by a constant zero is the
 * caller's compile error; by a zero value, dtrace's divide-by-zero fault.
 */
export function intArith(op: string, l: X, r: X, t: DType): X {
  const it = intInfo(t);
  const sg = it.signed;
  const L = reinterpret(l, sg), R = reinterpret(r, sg);
  const a = L.ev, b = R.ev;
  const lb = L.bits, rb = R.bits;
  const full = sg ? 63 : 64;
  if (l.cv !== undefined && r.cv !== undefined && typeof l.cv !== 'string' && typeof r.cv !== 'string') {
    const k = fold(op, a(null as never), b(null as never), sg);
    if (k !== undefined) return result(t, () => k, bitsOf(k), k);
  }
  const mx = Math.max(lb, rb);
  switch (op) {
    case '+':
      if (mx + 1 <= SAFE_BITS) return result(t, (c) => (a(c) as number) + (b(c) as number), mx + 1);
      return result(t, (c) => I.add(a(c), b(c), 8, sg), full);
    case '-':
      if (mx + 1 <= SAFE_BITS) {
        if (sg) return result(t, (c) => (a(c) as number) - (b(c) as number), mx + 1);
        return result(t, (c) => { const d = (a(c) as number) - (b(c) as number); return d < 0 ? I.wrap(d, 8, false) : d; }, full);
      }
      return result(t, (c) => I.sub(a(c), b(c), 8, sg), full);
    case '*':
      // (-2^la) * (-2^lb) = 2^(la+lb): one bit more for signed operands.
      if (lb + rb + 1 <= SAFE_BITS) return result(t, (c) => (a(c) as number) * (b(c) as number) + 0, lb + rb + (sg ? 1 : 0));
      return result(t, (c) => I.mul(a(c), b(c), 8, sg), full);
    case '/':
      return result(t, (c) => { const y = b(c); if (y === 0) fault(FLT_DIVZERO); return I.div(a(c), y, 8, sg); }, Math.min(sg ? lb + 1 : lb, full));
    case '%':
      return result(t, (c) => { const y = b(c); if (y === 0) fault(FLT_DIVZERO); return I.mod(a(c), y, 8, sg); }, Math.min(lb, rb));
    case '&': case '|': case '^': {
      // JS bitwise operators are exact on 32-bit two's complement values: sign-extended ones for
      // signed types (the 64-bit result is the sign extension of the 32-bit one), and on unsigned
      // values below 2^31; unsigned values below 2^32 need the result read back unsigned.
      if (mx <= 31) {
        const f = op === '&' ? (c: FireCtx) => (a(c) as number) & (b(c) as number)
          : op === '|' ? (c: FireCtx) => (a(c) as number) | (b(c) as number) : (c: FireCtx) => (a(c) as number) ^ (b(c) as number);
        return result(t, f, mx);
      }
      if (!sg && mx <= 32) {
        const f = op === '&' ? (c: FireCtx) => ((a(c) as number) & (b(c) as number)) >>> 0
          : op === '|' ? (c: FireCtx) => ((a(c) as number) | (b(c) as number)) >>> 0 : (c: FireCtx) => ((a(c) as number) ^ (b(c) as number)) >>> 0;
        return result(t, f, 32);
      }
      const g = op === '&' ? I.and : op === '|' ? I.or : I.xor;
      return result(t, (c) => g(a(c), b(c), 8, sg), sg ? Math.min(mx + 1, 63) : full);
    }
  }
  throw new Error(`intArith: ${op}`);
}

/** << and >>: the left operand's type (dt_cook_op2, K&R A7.8), a 64-bit shift by the count modulo 64. */
export function intShift(op: '<<' | '>>', l: X, r: X): X {
  const t = l.t;
  const sg = intInfo(t).signed;
  const a = l.ev as IntEv;
  const lb = regBits(l);
  const n = reinterpret(r, true).ev;
  const k = r.cv !== undefined && typeof r.cv !== 'string' ? Number(I.big(r.cv) & 63n) : undefined;
  if (l.cv !== undefined && r.cv !== undefined && typeof l.cv !== 'string' && typeof r.cv !== 'string') {
    const v = op === '<<' ? I.shl(l.cv, r.cv, 8, sg) : I.shr(l.cv, r.cv, 8, sg);
    return result(t, () => v, bitsOf(v), v);
  }
  const full = sg ? 63 : 64;
  if (op === '<<') {
    if (k !== undefined && lb + k <= SAFE_BITS) { const m = 2 ** k; return result(t, (c) => (a(c) as number) * m + 0, lb + k); }
    return result(t, (c) => I.shl(a(c), n(c), 8, sg), full);
  }
  if (sg && lb <= 31) return result(t, (c) => { const s = n(c); return typeof s === 'number' && s >= 0 && s < 32 ? (a(c) as number) >> s : I.shr(a(c), s, 8, true); }, lb);
  return result(t, (c) => I.shr(a(c), n(c), 8, sg), lb);
}

/** Unary - and ~ (the operand's type, dt_cook_op1). */
export function intUnary(op: '-' | '~', x: X): X {
  const t = x.t;
  const sg = intInfo(t).signed;
  const a = x.ev as IntEv;
  const b = regBits(x);
  if (x.cv !== undefined && typeof x.cv !== 'string') {
    // dt_node_op1: negating an unsigned constant truncates it to its type's size.
    let v = op === '-' ? I.wrap(I.neg(x.cv, 8, sg), 8, sg) : I.not(x.cv, 8, sg);
    if (op === '-' && !sg) v = I.wrap(v, intInfo(t).size as IntSize, false);
    return result(t, () => v, bitsOf(v), v);
  }
  if (op === '-') {
    // -(-2^b) = 2^b: one bit more.
    if (sg && b + 1 <= SAFE_BITS) return result(t, (c) => 0 - (a(c) as number), b + 1);
    return result(t, (c) => I.neg(a(c), 8, sg), sg ? 63 : 64);
  }
  if (sg && b <= 31) return result(t, (c) => ~(a(c) as number), b);
  return result(t, (c) => I.not(a(c), 8, sg), sg ? 63 : 64);
}

/** Constant folding as dt_node_op2 folds: 64-bit arithmetic with the result type's signedness. */
function fold(op: string, a: DInt, b: DInt, sg: boolean): DInt | undefined {
  switch (op) {
    case '+': return I.add(a, b, 8, sg);
    case '-': return I.sub(a, b, 8, sg);
    case '*': return I.mul(a, b, 8, sg);
    case '/': return I.isZero(b) ? undefined : I.div(a, b, 8, sg);
    case '%': return I.isZero(b) ? undefined : I.mod(a, b, 8, sg);
    case '&': return I.and(a, b, 8, sg);
    case '|': return I.or(a, b, 8, sg);
    case '^': return I.xor(a, b, 8, sg);
  }
  return undefined;
}
