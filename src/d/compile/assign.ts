/**
 * Assignment: =, the compound assignments and ++/--. Assigning to an
 * undeclared name declares it with the value's type (dt_cook_op2);
 * lvalueSetter turns a cooked lvalue into its store closure.
 *
 * Its exports are the compiler's internals: for this folder only.
 */
import type * as A from '../ast.ts';
import * as I from '../runtime/int64.ts';
import type { DInt, IntSize } from '../runtime/int64.ts';
import type { FireCtx } from '../runtime/context.ts';
import { fail } from '../check/errors.ts';
import { NULL_STR } from '../runtime/state.ts';
import type { VarSym } from '../check/symbols.ts';
import { BUILTIN_FUNCS, BUILTIN_VARS } from '../check/builtins.ts';
import {
  T_CHAR, intInfo, isInteger, isPointer, isScalar, isString, isVoid, ptrCompat, resolve, sizeOf, type DType,
} from '../types/types.ts';
import type { Ev, IntEv } from './values.ts';
import type { Compiler } from './compiler.ts';
import { type X, TYPE_INT64, isDArith, argCompat } from './cooked.ts';
import { checkObjectSize, staticAlloc } from './alloc.ts';
import { ident, varRead, scopedVar, index, unaryOperand } from './access.ts';
import { arith, ptrArith, coerce } from './operators.ts';
import { intShift } from './intreg.ts';

export function update(cc: Compiler, e: A.Update): X {
  const op = e.op;
  let x: X;
  if (e.operand.kind === 'Ident' && !isKnownIdent(cc, e.operand.name)) {
    const v = cc.syms.create('global', e.operand.name, 'scalar');
    v.type = TYPE_INT64;
    x = varRead(cc, v, e.loc);
  } else x = unaryOperand(cc, e.operand);
  if (!isScalar(x.t)) fail('D_OP_SCALAR', `operator ${op} requires operand of scalar type`, e.loc);
  if (!x.lv) fail('D_OP_LVAL', `operator ${op} requires modifiable lvalue as an operand`, e.loc);
  if (!x.lv.writable) fail('D_OP_WRITE', `operator ${op} can only be applied to a writable variable`, e.loc);
  const delta = isPointer(x.t) ? Math.max(1, sizeOf(resolve(x.t).kind === 'pointer' ? (resolve(x.t) as { to: DType }).to : T_CHAR)) : 1;
  const t = x.t;
  const it = intInfo(t);
  const sz = it.size as IntSize, sg = it.signed;
  const get = x.ev as IntEv;
  const set = lvalueSetter(cc, x, e.loc);
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

function isKnownIdent(cc: Compiler, name: string): boolean {
  return cc.syms.globals.has(name) || cc.syms.consts.has(name) || BUILTIN_VARS.has(name) || BUILTIN_FUNCS.has(name) || cc.decl.enumConsts.has(name);
}

function lvalueSetter(cc: Compiler, x: X, loc: A.Span): (c: FireCtx, v: unknown) => void {
  const lv = x.lv!;
  if (lv.set) return lv.set;
  if (lv.kind === 'mem' && lv.addr) {
    const addr = lv.addr;
    const rt = cc.env.rt;
    const r = resolve(x.t);
    if (r.kind === 'int' || r.kind === 'enum' || r.kind === 'pointer') {
      const size = r.kind === 'int' ? r.size : r.kind === 'enum' ? 4 : 8;
      return (c, v) => rt.store(addr(c), size, v as DInt);
    }
    if (r.kind === 'string') {
      const n = cc.strsize;
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

export function assign(cc: Compiler, e: A.Assign): X {
  if (e.target.kind === 'Agg') fail('D_AGG_FUNC', `@${e.target.name} must be assigned the result of an aggregating function`, e.loc);
  const op = e.op;
  if (e.target.kind === 'Index' && e.target.object.kind === 'Agg') index(cc, e.target);
  const rx = cc.expr(e.value);
  if (rx.agg) fail('D_AGG_FUNC', `aggregating function may not be used as a value`, e.loc);
  let lx: X;
  const tgt = e.target;
  if (tgt.kind === 'Ident' && !isKnownIdent(cc, tgt.name) && !cc.syms.globals.has(tgt.name)) {
    if (op !== '=') {
      // dt_cook_op2: a compound assignment creates the variable, then reads it: D_VAR_UNDEF.
      cc.syms.create('global', tgt.name, 'scalar');
      fail('D_VAR_UNDEF', `${tgt.name} has not yet been declared or assigned`, tgt.loc);
    } else {
      const v = cc.syms.create('global', tgt.name, 'scalar');
      v.type = rx.t;
      checkVarType(v, rx.t, e.loc);
    }
    lx = ident(cc, tgt);
  } else if (tgt.kind === 'Ident' && cc.syms.globals.get(tgt.name)?.type === undefined && cc.syms.globals.has(tgt.name)) {
    const v = cc.syms.globals.get(tgt.name)!;
    if (op !== '=') fail('D_VAR_UNDEF', `${tgt.name} has not yet been declared or assigned`, tgt.loc);
    v.type = rx.t;
    lx = ident(cc, tgt);
  } else if (tgt.kind === 'ScopedVar') {
    lx = scopedVar(cc, tgt, true, op === '=' ? rx.t : undefined);
  } else if (tgt.kind === 'Index') {
    lx = index(cc, tgt, op === '=' ? rx.t : undefined);
  } else {
    lx = cc.expr(tgt);
  }
  if (!lx.lv) fail('D_OP_LVAL', `operator ${op} requires modifiable lvalue as an operand`, e.loc);
  if (!lx.lv.writable) fail('D_OP_WRITE', `operator ${op} can only be applied to a writable variable`, e.loc);
  const lr = resolve(lx.t);
  if (op === '=' && lx.lv.del && isInteger(rx.t) && rx.cv !== undefined && Number(rx.cv) === 0) {
    // Storing the constant 0 into a struct-valued associative array element or thread-local
    // deletes it (dt_cook_op2 allows it for dynamic variables; dtrace frees a zeroed dvar).
    const del = lx.lv.del;
    return { t: lx.t, ev: (c) => { del(c); return 0; } };
  }
  if (op === '=') {
    if (!isString(lx.t) && (lr.kind === 'array' || lr.kind === 'func')) {
      fail('D_OP_ARRFUN', `operator ${op} may not be applied to operand of type "${lx.t.name}"`, e.loc);
    }
    // NULL (the integer constant 0) may be assigned to a pointer or a string; a string variable
    // then holds the NULL string: equal to NULL, and reading its characters faults at address 0.
    const nullStr = isString(lx.t) && isInteger(rx.t) && rx.cv == 0;
    if (!argCompat(lx.t, rx.t) && !(isPointer(lx.t) && isInteger(rx.t) && rx.cv == 0) && !nullStr) {
      fail('D_OP_INCOMPAT', `operands have incompatible types: "${lx.t.name}" ${op} "${rx.t.name}"`, e.loc);
    }
    let set = lvalueSetter(cc, lx, e.loc);
    const val: Ev = nullStr ? () => NULL_STR : coerce(cc, rx, lx.t).ev;
    if ((lr.kind === 'struct' || lr.kind === 'union') && lx.lv.kind !== 'mem') {
      // A struct value is its address: assigning one to a variable copies its bytes (dtrace copies
      // by-ref values into the variable's storage), so later changes to the source do not show.
      const size = sizeOf(lx.t);
      const rt = cc.env.rt;
      const cur = lx.ev as IntEv;
      const store = set;
      // A clause-local lives for one firing on one thread: one region per assignment site serves.
      checkObjectSize(size, `"${lx.t.name}"`, e.loc);
      const fixed = tgt.kind === 'ScopedVar' && tgt.scope === 'this' ? staticAlloc(rt, size, `"${lx.t.name}"`, e.loc) : 0;
      set = (c, v) => {
        let dst = fixed !== 0 ? fixed : Number(cur(c));
        if (dst === 0) dst = rt.allocDynamic(size);
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
  // dt_cook_op2 (+= and -=): unless both sides are integers, the left must be a pointer to an object of known size.
  if ((bop === '+' || bop === '-') && (!isInteger(lx.t) || !isInteger(rx.t))) {
    const to = isPointer(lx.t) ? resolve((resolve(lx.t) as { to: DType }).to) : undefined;
    if (to === undefined || to.kind === 'void' || to.kind === 'func') {
      fail('D_OP_VFPTR', `operator ${op} requires left-hand scalar operand of known size`, e.loc);
    }
    if (!isInteger(rx.t) && !ptrCompat(lx.t, rx.t)) {
      fail('D_OP_INCOMPAT', `operands have incompatible types: "${lx.t.name}" ${op} "${rx.t.name}"`, e.loc);
    }
  }
  if ((bop === '|' || bop === '^' || bop === '&' || bop === '<<' || bop === '>>' || bop === '%') && (!isInteger(lx.t) || !isInteger(rx.t))) {
    fail('D_OP_INT', `operator ${op} requires operands of integral type`, e.loc);
  }
  if ((bop === '*' || bop === '/') && (!isDArith(lx.t) || !isDArith(rx.t))) fail('D_OP_ARITH', `operator ${op} requires operands of arithmetic type`, e.loc);
  const set = lvalueSetter(cc, lx, e.loc);
  const cur: X = { t: lx.t, ev: lx.ev };
  let res: X;
  if (isPointer(lx.t) && (bop === '+' || bop === '-')) res = ptrArith(bop, cur, rx);
  else if (bop === '<<' || bop === '>>') res = intShift(bop, cur, rx);
  else res = arith(bop, cur, rx, e.loc);
  const val = coerce(cc, res, lx.t).ev;
  return { t: lx.t, ev: (c) => { const v = val(c); set(c, v); return v; } };
}

function checkVarType(_v: VarSym, t: DType, loc: A.Span): void {
  if (isVoid(t)) fail('D_OP_INCOMPAT', `operands have incompatible types: "int64_t" = "void"`, loc);
}
