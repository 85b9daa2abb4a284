/**
 * One C printf conversion applied to one value: flags, width, precision,
 * padding, signs and prefixes exactly as glibc's vfprintf does. The D printf
 * engine (printf.ts) decides which C conversion a D conversion becomes and
 * with which value, then calls these.
 */
import { expDigits, fixedDigits, generalDigits, nonFinite } from './cfloat.ts';
import type { DInt } from '../runtime/int64.ts';

export const F_ALT = 1, F_ZPAD = 2, F_LEFT = 4, F_SPOS = 8, F_SPACE = 16, F_GROUP = 32;

/** A resolved C conversion: flags, width (0: none), precision (-1: none). */
export interface CSpec { flags: number; width: number; prec: number }

function pad(body: string, spec: CSpec, zeroAfter: number): string {
  const w = spec.width;
  if (body.length >= w) return body;
  // padEnd/padStart build the result in one step (no intermediate repeat() string).
  if (spec.flags & F_LEFT) return body.padEnd(w);
  if (zeroAfter > 0) return body.slice(0, zeroAfter) + body.slice(zeroAfter).padStart(w - zeroAfter, '0');
  if (zeroAfter === 0) return body.padStart(w, '0');
  return body.padStart(w);
}

/** %s with precision and width. */
export function cString(s: string, spec: CSpec): string {
  const t = spec.prec >= 0 && s.length > spec.prec ? s.slice(0, spec.prec) : s;
  return pad(t, spec, -1);
}

/** %c of an int: the low byte. */
export function cChar(v: DInt, spec: CSpec): string {
  const b = Number(typeof v === 'bigint' ? BigInt.asUintN(8, v) : v & 0xff);
  return pad(String.fromCharCode(b), spec, -1);
}

/**
 * %d %i %u %o %x %X of a value that is already the right mathematical value
 * for the conversion (unsigned conversions receive non-negative values).
 */
export function cInt(v: DInt, conv: string, spec: CSpec): string {
  // A double past 2^53 is printed as the integer it holds, as C's int64 would be (String() rounds to 17 digits).
  if (typeof v === 'number' && !Number.isSafeInteger(v) && Number.isFinite(v)) v = BigInt(Math.trunc(v));
  // The common case (%d/%u of a plain number, no precision, no sign or zero-padding flags):
  // String() already gives C's digits and '-', so only the width remains.
  if (typeof v === 'number' && (conv === 'd' || (conv === 'u' && v >= 0)) && spec.prec < 0 && (spec.flags & (F_ZPAD | F_SPOS | F_SPACE)) === 0) {
    const t = String(v);
    const w = spec.width;
    if (t.length >= w) return t;
    return spec.flags & F_LEFT ? t.padEnd(w) : t.padStart(w);
  }
  const neg = v < 0;
  const mag = neg ? (typeof v === 'bigint' ? -v : -v) : v;
  let digits: string;
  switch (conv) {
    case 'o': digits = mag.toString(8); break;
    case 'x': digits = mag.toString(16); break;
    case 'X': digits = mag.toString(16).toUpperCase(); break;
    default: digits = mag.toString(10);
  }
  const isZero = mag === 0 || mag === 0n;
  if (spec.prec >= 0) {
    if (spec.prec === 0 && isZero) digits = '';
    else if (digits.length < spec.prec) digits = '0'.repeat(spec.prec - digits.length) + digits;
  }
  let prefix = '';
  if (conv === 'd' || conv === 'i') {
    if (neg) prefix = '-';
    else if (spec.flags & F_SPOS) prefix = '+';
    else if (spec.flags & F_SPACE) prefix = ' ';
  } else if (spec.flags & F_ALT) {
    if (conv === 'o') { if (!digits.startsWith('0')) digits = '0' + digits; }
    else if ((conv === 'x' || conv === 'X') && !isZero) prefix = conv === 'x' ? '0x' : '0X';
  }
  const body = prefix + digits;
  const zero = (spec.flags & F_ZPAD) && !(spec.flags & F_LEFT) && spec.prec < 0 ? prefix.length : -1;
  return pad(body, spec, zero);
}

/** %e %E %f %F %g %G of a double. */
export function cFloat(d: number, conv: string, spec: CSpec): string {
  const upper = conv === 'E' || conv === 'G' || conv === 'F';
  const neg = d < 0 || Object.is(d, -0);
  const sign = neg ? '-' : spec.flags & F_SPOS ? '+' : spec.flags & F_SPACE ? ' ' : '';
  const a = Math.abs(d);
  if (!Number.isFinite(a)) return pad(sign + nonFinite(a, upper), spec, -1);
  const p = spec.prec < 0 ? 6 : spec.prec;
  const alt = (spec.flags & F_ALT) !== 0;
  let body: string;
  if (conv === 'f' || conv === 'F') body = fixedDigits(a, p, alt);
  else if (conv === 'e' || conv === 'E') body = expDigits(a, p, alt, upper);
  else body = generalDigits(a, p, alt, upper);
  const zero = (spec.flags & F_ZPAD) && !(spec.flags & F_LEFT) ? sign.length : -1;
  return pad(sign + body, spec, zero);
}
