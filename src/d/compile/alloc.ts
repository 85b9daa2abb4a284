/**
 * Storage for objects the compiler lays out (struct- and array-typed
 * variables, translated structs, struct-valued associative array elements):
 * each at most MAX_OBJECT bytes, the static ones at most MAX_STATIC in all
 * (d/limits.ts). An object over the bound is a compile-time error (tag
 * D_DECL_ARRBIG, as dtrace tags a too-big array), never an allocation
 * failure at run time.
 */
import type { Span } from '../ast.ts';
import { fail } from '../check/errors.ts';
import { MAX_OBJECT, MAX_STATIC } from '../limits.ts';
import { ObjectTooBig, type Runtime } from '../runtime/state.ts';

/** Fails unless an object of `size` bytes is within MAX_OBJECT. */
export function checkObjectSize(size: number, what: string, loc: Span | undefined): void {
  if (!(size <= MAX_OBJECT)) fail('D_DECL_ARRBIG', `${what} is too big: ${size} bytes (the limit is ${MAX_OBJECT})`, loc);
}

/** Static storage of `size` bytes (zeroed); a compile error past MAX_OBJECT or MAX_STATIC. */
export function staticAlloc(rt: Runtime, size: number, what: string, loc: Span | undefined): number {
  checkObjectSize(size, what, loc);
  try {
    return rt.alloc(size);
  } catch (e) {
    if (!(e instanceof ObjectTooBig)) throw e;
    return fail('D_DECL_ARRBIG', `${what} does not fit: static objects take ${e.total} bytes already (the limit is ${MAX_STATIC})`, loc);
  }
}
