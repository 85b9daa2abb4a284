/**
 * What the compiler's passes share: X, a cooked expression (its type, its
 * closure, its constant value, its lvalue), the typedef'd types they
 * produce, the type rules several passes apply (argCompat, isDArith) and
 * cloneExpr, which expands inlines and translators by substitution.
 *
 * Its exports are the compiler's internals: for this folder only.
 */
import type * as A from '../ast.ts';
import type { DInt } from '../runtime/int64.ts';
import type { FireCtx } from '../runtime/context.ts';
import { builtinTypes } from '../types/builtins.ts';
import {
  isArith, isCharArrayOrPtr, isInteger, isPointer, isScalar, isString, isVoid, ptrCompat, resolve, sameType, type DType,
} from '../types/types.ts';
import type { Ev, IntEv } from './values.ts';

export interface X {
  t: DType;
  ev: Ev;
  /** An integer constant's value (for folding and args[N] indexes): its 64-bit register, not narrowed (intreg.ts). */
  cv?: DInt | string;
  /** An integer register's bound, when it may exceed its type's range or is known narrower (intreg.ts). */
  bits?: number;
  /** Lvalue info. */
  lv?: LValue;
  /** Set for aggregating function calls: not a value. */
  agg?: boolean;
  /** Set for actions used as expressions (dt_node_is_actfunc). */
  act?: boolean;
  /** A dynamic (translated) value: not usable as a key or traced (dt_node_is_dynamic). */
  dyn?: boolean;
  /** A D variable (dt_node_t DT_NODE_VAR: a global, self->, this->, built-in or associative array element): & refuses it. */
  dvar?: boolean;
  /** The result of xlate<> (dtrace's DT_IDENT_XLSOU / DT_IDENT_XLPTR): a dynamic object that casts refuse. */
  xl?: 'translated data' | 'pointer to translated data';
  /** Bit-field (no address). */
  bitfield?: boolean;
  /** A boolean closure equivalent to the value's truth (comparisons, logical operators). */
  test?: (c: FireCtx) => boolean;
}

export interface LValue {
  kind: 'var' | 'mem' | 'member-xl';
  /** A global scalar: its storage array and slot, for direct access. */
  slot?: { arr: unknown[]; id: number };
  writable: boolean;
  /** Assign a converted value. */
  set?: (c: FireCtx, v: unknown) => void;
  /** Memory lvalue address. */
  addr?: IntEv;
  /** A struct-valued dynamic variable: assigning it the constant 0 deletes it (dt_cook_op2). */
  del?: (c: FireCtx) => void;
}

export const TYPE_INT64 = builtinTypes().parse('int64_t');
export const TYPE_UINT64 = builtinTypes().parse('uint64_t');
export const TYPE_SIZE = builtinTypes().parse('size_t');
export const TYPE_PTRDIFF = builtinTypes().parse('ptrdiff_t');
/** dtrace's <DYN> type of translated and dynamic expressions. */
export const DYN_TYPE: DType = { kind: 'typedef', name: '<DYN>', base: { kind: 'void', name: 'void' } };

/**
 * dt_node_is_arith: integers and enums only. D has floating-point types but
 * no floating-point operators ("Floating-point operators are not supported
 * in D" — Dynamic Tracing Guide, Types, Operators and Expressions): a float
 * can be traced and printed, not computed with.
 */
export function isDArith(t: DType): boolean {
  return isArith(t) && resolve(t).kind !== 'float';
}

/** dt_node_is_argcompat: may a value of type b be passed/assigned where a is wanted? */
export function argCompat(a: DType, b: DType): boolean {
  if (isInteger(a) && isInteger(b)) return true;
  const as = isString(a) || isCharArrayOrPtr(a), bs = isString(b) || isCharArrayOrPtr(b);
  if (as && bs) return true;
  if (isString(a) && (isScalar(b) || isPointer(b))) return false;
  if (sameType(a, b)) return true;
  if (isPointer(a) && isPointer(b)) return ptrCompat(a, b);
  // D's string is a typedef of char[strsize] (dt_open.c): dt_node_is_ptrcompat takes it as an
  // array of char, so a string may be passed where a void * is wanted (bcopy, copyout …).
  if (isPointer(a) && isString(b)) return isVoid((resolve(a) as { to: DType }).to);
  if (isArith(a) && isArith(b)) return true;
  return false;
}

/** Deep-copy an expression (inlines are expanded by substitution), replacing parameter identifiers. */
export function cloneExpr(e: A.Expr, subst?: Map<string, A.Expr>): A.Expr {
  const walk = (n: unknown): unknown => {
    if (Array.isArray(n)) return n.map(walk);
    if (n === null || typeof n !== 'object') return n;
    const o = n as Record<string, unknown>;
    if (o.kind === 'Ident' && subst?.has(o.name as string)) return walk(subst.get(o.name as string));
    const c: Record<string, unknown> = {};
    // The checker's slots (ExprSlots) are not copied; a DeclSpecifiers' `type` is the written type (casts, sizeof).
    for (const k of Object.keys(o)) {
      c[k] = k === 'loc' ? o[k] : (k === 'type' && o.kind !== 'DeclSpecifiers') || k === 'sym' ? undefined : walk(o[k]);
    }
    return c;
  };
  return walk(e) as A.Expr;
}
