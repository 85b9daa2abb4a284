/**
 * Closure building blocks that depend only on static types: integer
 * conversions to a type, truth tests, zero values. Each helper returns a
 * specialised closure chosen once at compile time, so the per-firing path
 * never switches on types.
 */
import { wrap, type DInt } from '../runtime/int64.ts';
import type { FireCtx } from '../runtime/context.ts';
import { NULL_STR } from '../runtime/state.ts';
import { intInfo, resolve, type DType, type IntType } from '../types/types.ts';

export type Ev = (c: FireCtx) => unknown;
export type IntEv = (c: FireCtx) => DInt;
export type StrEv = (c: FireCtx) => string;

/** A closure converting an integer value to type `to` (C conversion: two's complement truncation). */
export function convertInt(ev: IntEv, from: IntType | undefined, to: IntType): IntEv {
  if (from && fits(from, to)) return ev; // every value of `from` is a value of `to`
  switch (to.size) {
    case 4:
      return to.signed
        ? (c) => { const v = ev(c); return typeof v === 'number' ? v | 0 : Number(BigInt.asIntN(32, v)); }
        : (c) => { const v = ev(c); return typeof v === 'number' ? v >>> 0 : Number(BigInt.asUintN(32, v)); };
    case 2:
      return to.signed
        ? (c) => { const v = ev(c); return typeof v === 'number' ? (v << 16) >> 16 : Number(BigInt.asIntN(16, v)); }
        : (c) => { const v = ev(c); return typeof v === 'number' ? v & 0xffff : Number(BigInt.asUintN(16, v)); };
    case 1:
      return to.signed
        ? (c) => { const v = ev(c); return typeof v === 'number' ? (v << 24) >> 24 : Number(BigInt.asIntN(8, v)); }
        : (c) => { const v = ev(c); return typeof v === 'number' ? v & 0xff : Number(BigInt.asUintN(8, v)); };
    default:
      return to.signed
        ? (c) => { const v = ev(c); return typeof v === 'number' ? v : wrap(v, 8, true); }
        : (c) => { const v = ev(c); return typeof v === 'number' && v >= 0 ? v : wrap(v, 8, false); };
  }
}

/** Is every value of integer type `a` also a value of `b`? */
export function fits(a: IntType, b: IntType): boolean {
  if (a.signed === b.signed) return a.size <= b.size;
  return !a.signed && a.size < b.size;
}

/** Convert a constant. */
export function convertConst(v: DInt, to: IntType): DInt {
  return wrap(v, to.size, to.signed);
}

/** A truth test for a scalar of type t (integers, pointers, translated pointers). */
export function truthOf(ev: Ev, t: DType): (c: FireCtx) => boolean {
  const r = resolve(t);
  if (r.kind === 'int' || r.kind === 'enum') return (c) => (ev(c) as DInt) != 0;
  if (r.kind === 'string') return (c) => { const s = ev(c) as string; return s !== '' && s !== NULL_STR; };
  if (r.kind === 'float') return (c) => (ev(c) as number) !== 0;
  return (c) => { const v = ev(c); return v !== 0 && v !== null && v !== undefined && v !== 0n; };
}

export function zeroOf(t: DType): unknown {
  const r = resolve(t);
  if (r.kind === 'string') return '';
  return 0;
}

export function intTypeOf(t: DType): IntType {
  return intInfo(t);
}
