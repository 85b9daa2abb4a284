/**
 * Adapter from the back end's DType to the formatting library's DTypeDesc
 * (src/d/format/types.ts), which is all printf/printa checking asks about.
 */
import type { DTypeDesc } from '../format/types.ts';
import { resolve, sizeOf, type DType } from '../types/types.ts';

/** Marker types for stack()/ustack() and func()/ufunc() results. */
export const STACK_TYPE: DType = { kind: 'typedef', name: 'stack', base: { kind: 'void', name: 'void' } };
export const SYMADDR_TYPE: DType = { kind: 'typedef', name: '_symaddr', base: { kind: 'int', name: 'unsigned long', size: 8, signed: false, rank: 4 } };
export const USYMADDR_TYPE: DType = { kind: 'typedef', name: '_usymaddr', base: { kind: 'int', name: 'unsigned long', size: 8, signed: false, rank: 4 } };
/** The type of an aggregation used as a value (printf's "aggregation" argument). */
export const AGG_TYPE: DType = { kind: 'typedef', name: 'aggregation', base: { kind: 'void', name: 'void' } };

export function typeDesc(t: DType, strsize: number): DTypeDesc {
  // Printed as the published printa/err.D_PRINTF_ARG_TYPE.stack.r prints it.
  if (t === STACK_TYPE) return { kind: 'stack', size: 8, name: 'dt_stack_t' };
  if (t === SYMADDR_TYPE) return { kind: 'symaddr', size: 8, name: '_symaddr' };
  if (t === USYMADDR_TYPE) return { kind: 'usymaddr', size: 8, name: '_usymaddr' };
  if (t === AGG_TYPE) return { kind: 'other', size: 0, name: 'aggregation' };
  const typedefs: string[] = [];
  let x: DType = t;
  while (x.kind === 'typedef') { typedefs.push(x.name); x = x.base; }
  const r = resolve(t);
  const base = { name: t.name, resolvedName: r.name, typedefs };
  switch (r.kind) {
    case 'int': return { kind: 'int', size: r.size, signed: r.signed, ...base };
    case 'enum': return { kind: 'int', size: 4, signed: true, ...base };
    case 'float': return { kind: 'float', size: r.size, ...base };
    case 'string': return { kind: 'string', size: strsize, ...base };
    case 'pointer': return { kind: 'pointer', size: 8, ...base };
    case 'array': {
      const e = resolve(r.of);
      if (e.kind === 'int' && e.isChar) return { kind: 'chararray', size: sizeOf(r), ...base };
      return { kind: 'other', size: sizeOf(r), ...base };
    }
    case 'void': return { kind: 'void', size: 0, ...base };
    default: return { kind: 'other', size: sizeOf(r), ...base };
  }
}
