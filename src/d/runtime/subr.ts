/**
 * D string subroutines, ported from illumos dtrace.c (dtrace_dif_subr) with
 * their edge cases: strsize limits every result, substr's negative index and
 * length rules, index/rindex's Perl-like position semantics, strtok's saved
 * position, lltostr/strtoll bases, basename/dirname/cleanpath's algorithms.
 *
 * Strings are JS strings whose char codes are bytes (0..255). A D string
 * value holds at most `strsize` bytes (dtrace stores up to strsize bytes
 * without a terminator). Functions that return a char pointer in D return
 * `null` for NULL. Run-time faults the kernel flags (illegal operation, out
 * of scratch space) are thrown as DFault; the caller turns them into
 * dtrace's ERROR probe and message.
 */
import type { DInt } from './int64.ts';
import * as I from './int64.ts';

export type FaultKind = 'ILLOP' | 'NOSCRATCH' | 'DIVZERO' | 'BADADDR' | 'KPRIV' | 'UPRIV' | 'BADALIGN';

/** A DIF fault raised by a subroutine; the runtime reports it as dtrace does. */
export class DFault extends Error {
  readonly fault: FaultKind;
  constructor(fault: FaultKind) {
    super(fault);
    this.fault = fault;
  }
}

/** dtrace_strlen(s, size): the length, at most strsize. */
function strlen(s: string, strsize: number): number {
  const n = s.indexOf('\0');
  const len = n < 0 ? s.length : n;
  return len < strsize ? len : strsize;
}

/** A string cut to strsize bytes (and at an embedded NUL). */
export function strsizeCut(s: string, strsize: number): string {
  const len = strlen(s, strsize);
  return len === s.length ? s : s.slice(0, len);
}

export function dStrlen(s: string, strsize: number): number {
  return strlen(s, strsize);
}

/**
 * strjoin(a, b): cut to strsize characters, as Oracle's DTrace does (illumos faults with
 * "out of scratch space" when the result and its NUL pass strsize: README "What differs").
 */
export function dStrjoin(a: string, b: string, strsize: number): string {
  const la = strlen(a, strsize), lb = strlen(b, strsize);
  const r = a.slice(0, la) + b.slice(0, lb);
  return r.length > strsize ? r.slice(0, strsize) : r;
}

/** substr(s, index [, length]). */
export function dSubstr(s: string, index: DInt, length: DInt | undefined, strsize: number): string {
  const len = strlen(s, strsize);
  let idx = I.toDouble(I.wrap(index, 8, true));
  let remaining = length === undefined ? strsize : I.toDouble(I.wrap(length, 8, true));
  if (idx < 0) {
    idx += len;
    if (idx < 0 && idx + remaining > 0) {
      remaining += idx;
      idx = 0;
    }
  }
  if (idx >= len || idx < 0) remaining = 0;
  else if (remaining < 0) remaining += len - idx;
  else if (idx + remaining > strsize) remaining = strsize - idx;
  if (remaining <= 0) return '';
  return s.slice(idx, Math.min(len, idx + remaining));
}

function strncmpAt(s: string, at: number, len: number, sub: string, sublen: number): boolean {
  for (let k = 0; k < sublen; k++) {
    const c = at + k < len ? s.charCodeAt(at + k) : 0;
    if (c !== sub.charCodeAt(k)) return false;
  }
  return true;
}

function search(kind: 'strstr' | 'index' | 'rindex', s: string, sub: string, pos: DInt | undefined, strsize: number): number {
  const len = strlen(s, strsize), sublen = strlen(sub, strsize);
  const notfound = -1;
  if (sublen === 0 && len === 0) return 0;
  let at = 0, limit = len, inc = 1;
  if (kind !== 'strstr') {
    if (kind === 'rindex') { limit = -1; at = len; inc = -1; }
    if (pos !== undefined) {
      let p = I.toDouble(I.wrap(pos, 8, true));
      if (kind === 'rindex') {
        if (p < 0) return sublen === 0 ? 0 : notfound;
        if (p > len) p = len;
      } else {
        if (p < 0) p = 0;
        if (p >= len) return sublen === 0 ? len : notfound;
      }
      at = p;
    }
  }
  for (; at !== limit; at += inc) {
    if (strncmpAt(s, at, len, sub, sublen)) return at;
  }
  return notfound;
}

/** index(s, sub [, start]): zero-based position or -1. */
export function dIndex(s: string, sub: string, start: DInt | undefined, strsize: number): number {
  return search('index', s, sub, start, strsize);
}

/** rindex(s, sub [, start]). */
export function dRindex(s: string, sub: string, start: DInt | undefined, strsize: number): number {
  return search('rindex', s, sub, start, strsize);
}

/** strstr(s, sub): the rest of s from the first match, or NULL. */
export function dStrstr(s: string, sub: string, strsize: number): string | null {
  const len = strlen(s, strsize);
  const r = search('strstr', s, sub, undefined, strsize);
  return r < 0 ? null : s.slice(r, len);
}

/** strchr/strrchr(s, c): the rest of s from the (last) occurrence of the char c, or NULL. */
export function dStrchr(s: string, c: DInt, strsize: number, last = false): string | null {
  const len = strlen(s, strsize);
  const target = Number(I.wrap(c, 1, false));
  // The search covers the terminating NUL when it lies within strsize.
  const lim = len < strsize ? len + 1 : len;
  let found = -1;
  for (let i = 0; i < lim; i++) {
    const ch = i < len ? s.charCodeAt(i) & 0xff : 0;
    if (ch === target) { found = i; if (!last) break; }
    if (ch === 0) break;
  }
  return found < 0 ? null : s.slice(found, len);
}

export function dStrrchr(s: string, c: DInt, strsize: number): string | null {
  return dStrchr(s, c, strsize, true);
}

/** strtok's saved position (dtms_strtok): per probe firing; reset it before each firing. */
export class StrtokState {
  rest: string | null = null;
  reset(): void { this.rest = null; }
}

/** strtok(s, delims); s === null continues from the saved position. */
export function dStrtok(st: StrtokState, s: string | null, delims: string, strsize: number): string | null {
  const map = new Uint8Array(256);
  const dl = strlen(delims, strsize);
  for (let i = 0; i < dl; i++) map[delims.charCodeAt(i) & 0xff] = 1;
  let src: string;
  if (s === null) {
    if (st.rest === null) return null;
    src = st.rest;
  } else {
    src = s.slice(0, strlen(s, strsize));
  }
  let at = 0;
  while (at < src.length && map[src.charCodeAt(at) & 0xff]) at++;
  if (at >= src.length) {
    st.rest = null;
    return null;
  }
  let end = at;
  while (end < src.length && end - at < strsize && !map[src.charCodeAt(end) & 0xff]) end++;
  st.rest = src.slice(end);
  return src.slice(at, end);
}

/** lltostr(v [, base]): bases 2..36; base 10 signed, others the uint64 bits, "0x" / "0" prefixes for 16 / 8. */
export function dLltostr(v: DInt, base: DInt | undefined, _strsize?: number): string {
  const b = base === undefined ? 10 : I.toDouble(base);
  if (b <= 1 || b > 36) throw new DFault('ILLOP');
  const i = I.wrap(v, 8, true);
  const neg = i < 0;
  const val = b === 10 && neg ? (typeof i === 'bigint' ? -i : -i) : I.toUnsigned(i, 8);
  let digits = I.isZero(val) ? '' : val.toString(b);
  const zero = I.isZero(i);
  if (zero && b === 16) digits = '0' + digits;
  if (b === 16) digits = 'x' + digits;
  if (zero || b === 8 || b === 16) digits = '0' + digits;
  if (neg && b === 10) digits = '-' + digits;
  return digits;
}

function digitOf(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 97 && c <= 122) return c - 97 + 10;
  if (c >= 65 && c <= 90) return c - 65 + 10;
  return 99;
}

/** strtoll(s [, base]) (dtrace_strtoll): spaces/tabs, sign, "0x" for base 16, digits until the first non-digit; int64 wraparound. */
export function dStrtoll(s: string, base: DInt | undefined, strsize: number): DInt {
  const b = base === undefined ? 10 : I.toDouble(base);
  if (b <= 1 || b > 36) throw new DFault('ILLOP');
  const end = strlen(s, strsize);
  const at = (p: number): number => (p < s.length ? s.charCodeAt(p) & 0xff : 0);
  let pos = 0;
  let c = at(pos);
  while (c === 32 || c === 9) c = at(++pos);
  let neg = false;
  if (c === 45 || c === 43) { neg = c === 45; c = at(++pos); }
  if (b === 16 && c === 48) {
    const cc = at(pos + 1), ccc = at(pos + 2);
    if ((cc === 120 || cc === 88) && digitOf(ccc) < 16) { pos += 2; c = ccc; }
  }
  let val: DInt = 0;
  for (; pos < end && c !== 0; c = at(++pos)) {
    const x = digitOf(c);
    if (x >= b) break;
    val = I.add(I.mul(val, b, 8, true), x, 8, true);
  }
  return neg ? I.neg(val, 8, true) : val;
}

/** toupper/tolower(s): ASCII letters only; the result is at most strsize characters. */
export function dToupper(s: string, strsize: number): string {
  const len = Math.min(strlen(s, strsize), strsize);
  let out = '';
  for (let i = 0; i < len; i++) {
    const c = s.charCodeAt(i);
    out += c >= 97 && c <= 122 ? String.fromCharCode(c - 32) : s[i];
  }
  return out;
}

export function dTolower(s: string, strsize: number): string {
  const len = Math.min(strlen(s, strsize), strsize);
  let out = '';
  for (let i = 0; i < len; i++) {
    const c = s.charCodeAt(i);
    out += c >= 65 && c <= 90 ? String.fromCharCode(c + 32) : s[i];
  }
  return out;
}

function baseDir(s: string, strsize: number, dir: boolean): string {
  let len = strlen(s, strsize);
  let src = s;
  if (len === 0) { len = 1; src = '.'; }
  let lastbase = -1, firstbase = -1, lastdir = -1;
  let i: number;
  for (i = len - 1; i >= 0; i--) if (src[i] !== '/') break;
  if (i >= 0) lastbase = i;
  for (; i >= 0; i--) if (src[i] === '/') break;
  if (i >= 0) firstbase = i + 1;
  for (; i >= 0; i--) if (src[i] !== '/') break;
  if (i >= 0) lastdir = i;
  if (lastbase === -1) firstbase = lastbase = lastdir = 0;
  if (firstbase === -1) {
    if (dir) { src = '.'; lastdir = 0; } else firstbase = 0;
  }
  let start: number, end: number;
  if (dir) {
    if (lastdir === -1) lastdir = 0;
    start = 0;
    end = lastdir;
  } else {
    start = firstbase;
    end = lastbase;
  }
  let out = '';
  for (let k = start, j = 0; k <= end && j < strsize; k++, j++) out += src[k] ?? '\0';
  return out;
}

export function dBasename(s: string, strsize: number): string { return baseDir(s, strsize, false); }
export function dDirname(s: string, strsize: number): string { return baseDir(s, strsize, true); }

/** cleanpath(s): removes "//", "/./" and "/dir/.." without touching the file system. */
export function dCleanpath(s: string, strsize: number): string {
  const lim = Math.min(strlen(s, strsize) + 1, strsize);
  const dest: string[] = [];
  let i = 0, j = 0;
  const load = (): string => (i >= lim ? '\0' : (s[i++] ?? '\0'));
  let c: string;
  outer: do {
    c = load();
    for (;;) {
      if (j + 5 >= strsize) break outer;
      if (c !== '/') { dest[j++] = c; continue outer; }
      c = load();
      if (c === '/') continue; // "//": look at the next character as a new component start
      if (c !== '.') { dest[j++] = '/'; dest[j++] = c; continue outer; }
      c = load();
      if (c === '/') continue; // "/./"
      if (c !== '.') { dest[j++] = '/'; dest[j++] = '.'; dest[j++] = c; continue outer; }
      c = load();
      if (c !== '/' && c !== '\0') { dest[j++] = '/'; dest[j++] = '.'; dest[j++] = '.'; dest[j++] = c; continue outer; }
      // "/../" or "/..\0": back up to the previous "/".
      i--;
      while (j !== 0 && dest[--j] !== '/') { /* back up */ }
      if (c === '\0') dest[++j] = '/';
      continue outer;
    }
  } while (c !== '\0');
  let out = '';
  for (let k = 0; k < j; k++) {
    const ch = dest[k] ?? '\0';
    if (ch === '\0') break;
    out += ch;
  }
  return out;
}

/**
 * rand(): deterministic and seedable (xoroshiro128+, the generator newer
 * illumos kernels use per CPU). Returns the low 32 bits as D's rand() int.
 */
export class DRand {
  private s0: bigint;
  private s1: bigint;
  constructor(seed: bigint = 0x2545f4914f6cdd1dn) {
    // splitmix64 to spread the seed over both words.
    let z = BigInt.asUintN(64, seed);
    const next = (): bigint => {
      z = BigInt.asUintN(64, z + 0x9e3779b97f4a7c15n);
      let x = z;
      x = BigInt.asUintN(64, (x ^ (x >> 30n)) * 0xbf58476d1ce4e5b9n);
      x = BigInt.asUintN(64, (x ^ (x >> 27n)) * 0x94d049bb133111ebn);
      return x ^ (x >> 31n);
    };
    this.s0 = next();
    this.s1 = next();
  }
  /** The next value as D's int (rand() returns int). */
  next(): number {
    const s0 = this.s0;
    let s1 = this.s1;
    const result = BigInt.asUintN(64, s0 + s1);
    s1 ^= s0;
    this.s0 = BigInt.asUintN(64, ((s0 << 55n) | (s0 >> 9n)) ^ s1 ^ (s1 << 14n));
    this.s1 = BigInt.asUintN(64, (s1 << 36n) | (s1 >> 28n));
    return Number(BigInt.asIntN(32, result));
  }
}
