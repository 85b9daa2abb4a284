/**
 * The compiler's view of aggregations: declares AggVars in the library's
 * AggStore (src/d/runtime/aggregate.ts) and hands clauses direct handles, so
 * `@c = count()` is one method call on a preallocated entry per firing.
 */
import { AggStore, type AggFunc, type AggKeyType, type AggParams, type AggVar, type KeyVal } from '../runtime/aggregate.ts';
import type { DInt } from '../runtime/int64.ts';
import * as I from '../runtime/int64.ts';
import { resolve, sizeOf, type DType } from '../types/types.ts';
import { STACK_TYPE } from '../check/typedesc.ts';

export interface AggHandle { add(v: DInt, incr: DInt): void }

export class AggBridge {
  constructor(readonly store: AggStore, private readonly strsize: () => number) {}

  declare(name: string, func: string, keyTypes: readonly DType[], params: AggParams): number {
    const kts: AggKeyType[] = keyTypes.map((t) => {
      if (t === STACK_TYPE) return { kind: 'stack', size: 8 };
      const r = resolve(t);
      if (r.kind === 'int') return { kind: 'int', size: r.size, signed: r.signed };
      if (r.kind === 'enum') return { kind: 'int', size: 4, signed: true };
      if (r.kind === 'pointer') return { kind: 'int', size: 8, signed: false };
      if (r.kind === 'string') return { kind: 'string', size: this.strsize() };
      return { kind: 'other', size: sizeOf(t) };
    });
    const v = this.store.define(name, func as AggFunc, kts, params);
    return this.store.vars.indexOf(v);
  }

  /** The parameters an aggregation was declared with (lquantize/llquantize must match them). */
  params(id: number): AggParams {
    return this.store.vars[id]!.params;
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
