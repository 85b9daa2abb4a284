/**
 * The compiler's view of aggregations: declares AggVars in the library's
 * AggStore (src/d/runtime/aggregate.ts) and hands clauses direct handles, so
 * `@c = count()` is one method call on a preallocated entry per firing.
 */
import type * as A from '../ast.ts';
import { AggStore, type AggFunc, type AggKeyType, type AggVar, type KeyVal } from '../runtime/aggregate.ts';
import type { DInt } from '../runtime/int64.ts';
import * as I from '../runtime/int64.ts';
import { fail } from '../check/errors.ts';
import { resolve, sizeOf, type DType } from '../types/types.ts';

export interface AggHandle { add(v: DInt, incr: DInt): void }

export class AggBridge {
  constructor(readonly store: AggStore, private readonly strsize: () => number) {}

  declare(name: string, func: string, keyTypes: readonly DType[], params: number[], _line: number): number {
    const kts: AggKeyType[] = keyTypes.map((t) => {
      const r = resolve(t);
      if (r.kind === 'int') return { kind: 'int', size: r.size, signed: r.signed };
      if (r.kind === 'enum') return { kind: 'int', size: 4, signed: true };
      if (r.kind === 'pointer') return { kind: 'int', size: 8, signed: false };
      if (r.kind === 'string') return { kind: 'string', size: this.strsize() };
      return { kind: 'other', size: sizeOf(t) };
    });
    const p = func === 'lquantize' ? { low: params[0], high: params[1], step: params[2] }
      : func === 'llquantize' ? { factor: params[0], lmag: params[1], hmag: params[2], nsteps: params[3] } : {};
    const v = this.store.define(name, func as AggFunc, kts, p);
    return this.store.vars.indexOf(v);
  }

  /** lquantize()/llquantize() parameters must match the aggregation's first use (dt_aggregate D_LQUANT_MATCH*). */
  checkParams(id: number, func: string, params: number[], loc: A.Span): void {
    const v = this.store.vars[id]!;
    const p = v.params;
    if (func === 'lquantize') {
      if (p.low !== params[0]) fail('D_LQUANT_MATCHBASE', `lquantize( ) base (argument #2) doesn't match previous declaration: expected ${p.low}, found ${params[0]}`, loc);
      if (p.high !== params[1]) fail('D_LQUANT_MATCHLIM', `lquantize( ) limit (argument #3) doesn't match previous declaration: expected ${p.high}, found ${params[1]}`, loc);
      if (p.step !== params[2]) fail('D_LQUANT_MATCHSTEP', `lquantize( ) step (argument #4) doesn't match previous declaration: expected ${p.step}, found ${params[2]}`, loc);
    }
    if (func === 'llquantize') {
      if (p.factor !== params[0]) fail('D_LLQUANT_MATCHFACTOR', `llquantize( ) argument #2 (factor) doesn't match previous declaration: expected ${p.factor}, found ${params[0]}`, loc);
      if (p.lmag !== params[1]) fail('D_LLQUANT_MATCHLMAG', `llquantize( ) argument #3 (low magnitude) doesn't match previous declaration: expected ${p.lmag}, found ${params[1]}`, loc);
      if (p.hmag !== params[2]) fail('D_LLQUANT_MATCHHMAG', `llquantize( ) argument #4 (high magnitude) doesn't match previous declaration: expected ${p.hmag}, found ${params[2]}`, loc);
      if (p.nsteps !== params[3]) fail('D_LLQUANT_MATCHSTEPS', `llquantize( ) argument #5 (steps per magnitude) doesn't match previous declaration: expected ${p.nsteps}, found ${params[3]}`, loc);
    }
  }

  /** A handle for an aggregation without keys; count() and sum() skip the generic dispatch. */
  handle(id: number): AggHandle {
    const v: AggVar = this.store.vars[id]!;
    const M = Number.MAX_SAFE_INTEGER;
    if (v.func === 'count') {
      return { add: () => { const e = v.entry0(); if (e !== null) { const o = e.v; e.v = typeof o === 'number' && o < M ? o + 1 : I.add(o, 1, 8, true); } } };
    }
    if (v.func === 'sum') {
      return {
        add: (x) => {
          const e = v.entry0();
          if (e === null) return;
          const o = e.v;
          if (typeof o === 'number' && typeof x === 'number') { const r = o + x; if (r < M && r > -M) { e.v = r; return; } }
          e.v = I.add(o, x, 8, true);
        },
      };
    }
    return { add: (x, incr) => v.add0(x, incr) };
  }

  update(id: number, keys: readonly unknown[], v: DInt, incr: DInt): void {
    this.store.vars[id]!.addN(keys as KeyVal[], v, incr);
  }

  vars(ids: readonly number[]): AggVar[] {
    return ids.map((i) => this.store.vars[i]!);
  }
}
