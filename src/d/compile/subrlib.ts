/**
 * The compiler's adapter over the library's subroutines
 * (src/d/runtime/subr.ts, subr-net.ts): turns their DFault into the
 * runtime's fault (so the ERROR path is one), and their NULL results into
 * NULL_STR, which is how this runtime represents a NULL string.
 */
import type { DInt } from '../runtime/int64.ts';
import * as S from '../runtime/subr.ts';
import { inetNtoa6 } from '../runtime/subr-net.ts';
import { fault, NULL_STR, FLT_BADADDR, FLT_BADALIGN, FLT_DIVZERO, FLT_ILLOP, FLT_KPRIV, FLT_NOSCRATCH, FLT_UPRIV } from '../runtime/state.ts';

const CODES: Record<S.FaultKind, number> = {
  ILLOP: FLT_ILLOP, NOSCRATCH: FLT_NOSCRATCH, DIVZERO: FLT_DIVZERO, BADADDR: FLT_BADADDR, KPRIV: FLT_KPRIV,
  UPRIV: FLT_UPRIV, BADALIGN: FLT_BADALIGN,
};

function guard<T>(f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof S.DFault) return fault(CODES[e.fault] ?? FLT_ILLOP);
    throw e;
  }
}

export const subrLib = {
  strjoin: (a: string, b: string, n: number): string => guard(() => S.dStrjoin(a, b, n)),
  substr: (s: string, i: DInt, l: DInt | undefined, n: number): string => guard(() => S.dSubstr(s, i, l, n)),
  index: (s: string, sub: string, st: DInt | undefined, n: number): number => guard(() => S.dIndex(s, sub, st, n)),
  rindex: (s: string, sub: string, st: DInt | undefined, n: number): number => guard(() => S.dRindex(s, sub, st, n)),
  strstr: (s: string, sub: string, n: number): string => guard(() => S.dStrstr(s, sub, n)) ?? NULL_STR,
  strchr: (s: string, c: DInt, n: number): string => guard(() => S.dStrchr(s, c, n)) ?? NULL_STR,
  strrchr: (s: string, c: DInt, n: number): string => guard(() => S.dStrrchr(s, c, n)) ?? NULL_STR,
  strtok: (st: S.StrtokState, s: string | null, d: string, n: number): string => guard(() => S.dStrtok(st, s, d, n)) ?? NULL_STR,
  lltostr: (v: DInt, base: DInt | undefined, n: number): string => guard(() => S.dLltostr(v, base, n)),
  strtoll: (s: string, base: DInt | undefined, n: number): DInt => guard(() => S.dStrtoll(s, base, n)),
  toupper: (s: string, n: number): string => guard(() => S.dToupper(s, n)),
  tolower: (s: string, n: number): string => guard(() => S.dTolower(s, n)),
  basename: (s: string, n: number): string => guard(() => S.dBasename(s, n)),
  dirname: (s: string, n: number): string => guard(() => S.dDirname(s, n)),
  cleanpath: (s: string, n: number): string => guard(() => S.dCleanpath(s, n)),
  ntop6: (b: Uint8Array, strict = false): string => inetNtoa6(b, 0, 256, strict),
};
