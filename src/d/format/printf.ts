/**
 * The D printf engine, after illumos libdtrace dt_printf.c.
 *
 * Three passes, as dtrace does them:
 *  1. parseFormat (dt_printf_create): split the format into argument
 *     descriptors — a literal prefix plus at most one conversion with its
 *     flags, width, precision, `*`s and size prefix (h, hh→h, l, ll, L, w),
 *     looked up in the conversion table below (the _dtrace_conversions rows).
 *     Errors are dtrace's yywarn texts (the caller reports them).
 *  2. checkFormat (dt_printf_validate): at compile time, match each
 *     conversion with the next argument's static type; decide the C
 *     conversion that will run (%d on an unsigned type prints as %u, 64-bit
 *     values get "ll"); report D_PRINTF_* errors worded as dtrace words them.
 *  3. formatValues (dt_printf_format): at run time, print the prefixes and
 *     each conversion's value. Like dtrace, a zero width or precision is
 *     dropped when the C format is rebuilt ("%.0f" prints as "%f"), and
 *     negative `*` widths left-justify.
 *
 * Widths and precisions are bounded by MAX_FIELD (d/limits.ts; C's bound is
 * 2^31 − 1, and glibc prints that many spaces): a larger one in the format
 * is a compile error (D_SYNTAX, as dtrace reports malformed formats), a
 * larger `*` value at run time faults the clause ("illegal operation").
 *
 * Strings are JS strings whose char codes are bytes (0..255): D strings are
 * byte strings, so UTF-8 input arrives as its bytes and is written back as
 * bytes by the output layer (Latin-1 round trip).
 */
import type { DInt, IntSize } from '../runtime/int64.ts';
import { toUnsigned, wrap } from '../runtime/int64.ts';
import { cChar, cFloat, cInt, cString, F_ALT, F_GROUP, F_LEFT, F_SPACE, F_SPOS, F_ZPAD } from './cprintf.ts';
import type { CSpec } from './cprintf.ts';
import type { DTypeDesc } from './types.ts';
import { formatTimeY, formatTime822 } from './time.ts';
import { strchr2esc } from './escape.ts';
import { SERVICE_NAMES } from './services.ts';
import type { TextBuf } from '../runtime/textbuf.ts';
import { MAX_FIELD } from '../limits.ts';
import { fault, FLT_ILLOP } from '../runtime/state.ts';

const F_DYNWIDTH = 64, F_DYNPREC = 128, F_AGG = 256;

type Check = 'addr' | 'kaddr' | 'uaddr' | 'stack' | 'time' | 'str' | 'wstr' | 'csi' | 'fp' | 'xint' | 'dint' | 'xshort' | 'xlong' | 'xlonglong' | 'type';
type Print = 'addr' | 'uaddr' | 'sint' | 'uint' | 'dint' | 'echr' | 'fp' | 'stack' | 'cstr' | 'estr' | 'wstr' | 'time' | 'time822' | 'pct' | 'port' | 'inetaddr';

export interface PfConv { name: string; ofmt: string; tstr: string; check: Check; print: Print }

const P_XINT = 'char, short, int, long, or long long';
const P_CSI = 'char, short, or int';
const P_FP = 'float, double, or long double';
const P_ADDR = 'pointer or integer';
const P_UADDR = 'pointer or integer (with -p/-c) or _usymaddr (without -p/-c)';
const P_CSTR = 'char [] or string (or use stringof)';
const P_WSTR = 'wchar_t []';

/** The conversion dictionary (_dtrace_conversions). */
const TABLE: PfConv[] = [
  ['a', 's', P_ADDR, 'kaddr', 'addr'], ['A', 's', P_UADDR, 'uaddr', 'uaddr'],
  ['c', 'c', P_CSI, 'csi', 'sint'], ['C', 's', P_CSI, 'csi', 'echr'],
  ['d', 'd', P_XINT, 'dint', 'dint'],
  ['e', 'e', P_FP, 'fp', 'fp'], ['E', 'E', P_FP, 'fp', 'fp'], ['f', 'f', P_FP, 'fp', 'fp'],
  ['g', 'g', P_FP, 'fp', 'fp'], ['G', 'G', P_FP, 'fp', 'fp'],
  ['hd', 'd', 'short', 'type', 'sint'], ['hi', 'i', 'short', 'type', 'sint'],
  ['ho', 'o', 'unsigned short', 'type', 'uint'], ['hu', 'u', 'unsigned short', 'type', 'uint'],
  ['hx', 'x', 'short', 'xshort', 'uint'], ['hX', 'X', 'short', 'xshort', 'uint'],
  ['i', 'i', P_XINT, 'dint', 'dint'], ['I', 's', P_CSTR, 'str', 'inetaddr'],
  ['k', 's', 'stack', 'stack', 'stack'],
  ['lc', 'lc', 'int', 'type', 'sint'], ['ld', 'd', 'long', 'type', 'sint'], ['li', 'i', 'long', 'type', 'sint'],
  ['lo', 'o', 'unsigned long', 'type', 'uint'], ['lu', 'u', 'unsigned long', 'type', 'uint'],
  ['ls', 'ls', P_WSTR, 'wstr', 'wstr'], ['lx', 'x', 'long', 'xlong', 'uint'], ['lX', 'X', 'long', 'xlong', 'uint'],
  ['lld', 'd', 'long long', 'type', 'sint'], ['lli', 'i', 'long long', 'type', 'sint'],
  ['llo', 'o', 'unsigned long long', 'type', 'uint'], ['llu', 'u', 'unsigned long long', 'type', 'uint'],
  ['llx', 'x', 'long long', 'xlonglong', 'uint'], ['llX', 'X', 'long long', 'xlonglong', 'uint'],
  ['Le', 'e', 'long double', 'type', 'fp'], ['LE', 'E', 'long double', 'type', 'fp'], ['Lf', 'f', 'long double', 'type', 'fp'],
  ['Lg', 'g', 'long double', 'type', 'fp'], ['LG', 'G', 'long double', 'type', 'fp'],
  ['o', 'o', P_XINT, 'xint', 'uint'], ['p', 'x', P_ADDR, 'addr', 'uint'],
  ['P', 's', 'uint16_t', 'type', 'port'],
  ['s', 's', P_CSTR, 'str', 'cstr'], ['S', 's', P_CSTR, 'str', 'estr'],
  ['T', 's', 'int64_t', 'time', 'time822'], ['u', 'u', P_XINT, 'xint', 'uint'],
  ['wc', 'wc', 'int', 'type', 'sint'], ['ws', 'ws', P_WSTR, 'wstr', 'wstr'],
  ['x', 'x', P_XINT, 'xint', 'uint'], ['X', 'X', P_XINT, 'xint', 'uint'],
  ['Y', 's', 'int64_t', 'time', 'time'], ['%', '%', 'void', 'type', 'pct'],
].map(([name, ofmt, tstr, check, print]) => ({ name, ofmt, tstr, check, print }) as PfConv);

const DICT = new Map<string, PfConv>(TABLE.map((c) => [c.name, c]));

/** One argument descriptor: a literal prefix and an optional conversion. */
export interface PfArgDesc {
  prefix: string;
  conv: PfConv | null;
  flags: number;
  width: number;
  prec: number;
  /** Filled by checkFormat: the C conversion to run ('d','u','x','o','c','e','s',...). */
  cconv: string;
  /** Filled by checkFormat: signedness and size of the value's type. */
  signed: boolean;
  size: number;
  // The fields below are filled lazily; parseFormat creates them (undefined) so every descriptor keeps one shape.
  /** The run-time C spec when the width and precision are static: built at the first use, then reused (no object per call). */
  sspec?: CSpec;
  /** formatValuesInto's plan, made at the first use: the prefix's codes (null: not a byte string), their OR, the fast path, left-justified. */
  pcodes?: Uint8Array | null;
  por?: number;
  fop?: number;
  fleft?: boolean;
}

export interface ParsedFormat {
  format: string;
  args: PfArgDesc[];
  /** Number of argument values consumed at run time (dynamic widths included); set by checkFormat. */
  nvalues: number;
  /** Whether any conversion consumes an aggregation value (%@). */
  hasAgg: boolean;
}

export interface FormatError { message: string }

/** Parse a D format string (dt_printf_create). Returns a yywarn-style message on error. */
export function parseFormat(format: string): ParsedFormat | FormatError {
  const args: PfArgDesc[] = [];
  let q = 0;
  let hasAgg = false;
  for (;;) {
    const p0 = format.indexOf('%', q);
    if (p0 < 0) break;
    const d: PfArgDesc = { prefix: format.slice(q, p0), conv: null, flags: 0, width: 0, prec: 0, cconv: '', signed: true, size: 8, sspec: undefined, pcodes: undefined, por: undefined, fop: undefined, fleft: undefined };
    args.push(d);
    const argc = args.length;
    let p = p0;
    let name = '';
    let digits = 0, dot = 0;
    for (;;) {
      const c = format[++p];
      if (c === undefined) return { message: `format conversion #${argc} name expected before end of format string` };
      if (c >= '0' && c <= '9') {
        if (dot === 0 && digits === 0 && c === '0') { d.flags |= F_ZPAD; d.flags &= ~F_LEFT; continue; }
        let n = 0;
        while (p < format.length && format[p]! >= '0' && format[p]! <= '9') n = n * 10 + format.charCodeAt(p++) - 48;
        if (n > MAX_FIELD) return { message: `format conversion #${argc} ${dot ? 'precision' : 'width'} is too large: the limit is ${MAX_FIELD}` };
        if (dot) d.prec = n; else d.width = n;
        p--;
        digits++;
        continue;
      }
      if (c === '#') { d.flags |= F_ALT; continue; }
      if (c === '*') {
        const bit = dot ? F_DYNPREC : F_DYNWIDTH;
        if (d.flags & bit) return { message: `format conversion #${argc} has more than one '*' specified for the output ${dot ? 'precision' : 'width'}` };
        d.flags |= bit;
        continue;
      }
      if (c === '+') { d.flags |= F_SPOS; continue; }
      if (c === '-') { d.flags |= F_LEFT; d.flags &= ~F_ZPAD; continue; }
      if (c === '.') {
        if (dot++ !== 0) return { message: `format conversion #${argc} has more than one '.' specified` };
        digits = 0;
        continue;
      }
      if (c === '?') { d.width = 16; continue; }
      if (c === '@') { d.flags |= F_AGG; hasAgg = true; continue; }
      if (c === "'") { d.flags |= F_GROUP; continue; }
      if (c === ' ') { d.flags |= F_SPACE; continue; }
      if (c === '$') return { message: `format conversion #${argc} uses unsupported positional format (%n$)` };
      if (c === '%' && format[p - 1] !== '%') return { message: `format conversion #${argc} cannot be combined with other format flags: %%` };
      if (c === 'h' || c === 'l' || c === 'L' || c === 'w') { if (name.length < 6) name += c; continue; }
      name += c;
      break;
    }
    const conv = DICT.get(name);
    if (!conv) return { message: `format conversion #${argc} is undefined: %${name}` };
    d.conv = conv;
    q = p + 1;
  }
  if (q < format.length || format.length === 0) {
    args.push({ prefix: format.slice(q), conv: null, flags: 0, width: 0, prec: 0, cconv: '', signed: true, size: 8, sspec: undefined, pcodes: undefined, por: undefined, fop: undefined, fleft: undefined });
  }
  return { format, args, nvalues: 0, hasAgg };
}

export function isFormatError(x: ParsedFormat | FormatError): x is FormatError {
  return (x as FormatError).message !== undefined && (x as ParsedFormat).args === undefined;
}

export interface CheckError { tag: string; message: string }

export interface CheckOptions {
  /** The action's name for messages: "printf", "printa", "system", "freopen". */
  func: string;
  /** Offset of the first value argument in the action's argument list (1 for printf: the format is #1). */
  foff: number;
  /** printa: conversions may use %@ (DT_PRINTF_AGGREGATION). */
  aggregation?: boolean;
  /** printa: the aggregating function of the (first) aggregation; count() values are unsigned. */
  aggFunc?: string;
  /** printf: extra arguments are an error (DT_PRINTF_EXACTLEN). */
  exactLen?: boolean;
  /** -p/-c given (a target process): %A accepts plain integers. */
  hasTarget?: boolean;
}

function typeName(t: DTypeDesc): string { return t.name; }

function resolved(t: DTypeDesc): string { return t.resolvedName ?? t.name; }

function isInt(t: DTypeDesc): boolean { return t.kind === 'int'; }

/** ctf_type_compat for the names dt_printf's pfcheck_type rows use. */
function compatNamed(t: DTypeDesc, want: string): boolean {
  const r = resolved(t);
  const canon = (s: string): string => s.replace(/^signed /, '').replace(/^(short|long|long long) int$/, '$1').replace(/^unsigned$/, 'unsigned int');
  if (want === 'void') return t.kind === 'void';
  if (want === 'long double') return t.kind === 'float' && t.size === 16;
  if (want === 'int64_t') return isInt(t) && t.size === 8 && !!t.signed;
  if (want === 'uint16_t') return isInt(t) && t.size === 2 && !t.signed;
  if (!isInt(t)) return false;
  const c = canon(r);
  if (c === canon(want)) return true;
  // long and long long are both 64-bit in LP64: CTF considers them compatible encodings.
  const sizes: Record<string, [number, boolean]> = {
    short: [2, true], 'unsigned short': [2, false], int: [4, true], 'unsigned int': [4, false],
    long: [8, true], 'unsigned long': [8, false], 'long long': [8, true], 'unsigned long long': [8, false],
  };
  const w = sizes[canon(want)];
  return !!w && t.size === w[0] && !!t.signed === w[1] && /^(unsigned )?(short|int|long|long long)$/.test(c);
}

function runCheck(conv: PfConv, t: DTypeDesc, opts: CheckOptions, d: PfArgDesc): boolean {
  switch (conv.check) {
    case 'addr': return t.kind === 'pointer' || isInt(t);
    case 'kaddr': return t.kind === 'pointer' || isInt(t) || t.kind === 'symaddr';
    case 'uaddr': return t.kind === 'usymaddr' || (!!opts.hasTarget && (t.kind === 'pointer' || isInt(t)));
    case 'stack': return t.kind === 'stack';
    case 'time': return isInt(t) && t.size === 8;
    case 'str': return t.kind === 'string' || t.kind === 'chararray';
    case 'wstr': return false;
    case 'csi': return isInt(t) && t.size <= 4;
    case 'fp': return t.kind === 'float';
    case 'xint': return isInt(t);
    case 'dint':
      if (isInt(t) && !t.signed) d.cconv = 'u';
      return isInt(t);
    case 'xshort': return isInt(t) && /^(signed |unsigned )?short$/.test(resolved(t));
    case 'xlong': return isInt(t) && /^(signed |unsigned )?long$/.test(resolved(t));
    case 'xlonglong':
      if (isInt(t) && /^(signed |unsigned )?long long$/.test(resolved(t))) return true;
      return isInt(t) && [t.name, ...(t.typedefs ?? [])].some((n) => n === 'int64_t' || n === 'uint64_t');
    case 'type': return compatNamed(t, conv.tstr);
  }
}

/**
 * dt_printf_validate: check argument types against the conversions and fix
 * each conversion's C form. `argTypes` are the value arguments after the
 * format (for printa: after the aggregations). Returns the first error.
 */
export function checkFormat(pf: ParsedFormat, argTypes: readonly DTypeDesc[], opts: CheckOptions): CheckError | undefined {
  const func = opts.func;
  if (pf.format.length === 0) return { tag: 'D_PRINTF_FMT_EMPTY', message: `${func}( ) format string is empty` };
  const aggType: DTypeDesc = opts.aggFunc === 'count'
    ? { kind: 'int', size: 8, signed: false, name: 'uint64_t', resolvedName: 'unsigned long', typedefs: ['uint64_t'] }
    : { kind: 'int', size: 8, signed: true, name: 'int64_t', resolvedName: 'long', typedefs: ['int64_t'] };
  let j = 0;
  let next = 0;
  for (let i = 0; i < pf.args.length; i++) {
    const d = pf.args[i]!;
    const conv = d.conv;
    if (!conv) continue;
    if (conv.print === 'pct') { d.cconv = '%'; continue; }
    const dyns: string[] = [];
    if (d.flags & F_DYNPREC) dyns.push('.*');
    if (d.flags & F_DYNWIDTH) dyns.push('*');
    for (let k = dyns.length; k > 0; k--) {
      const t = argTypes[next];
      if (!t) return { tag: 'D_PRINTF_DYN_PROTO', message: `${func}( ) prototype mismatch: conversion #${i + 1} (%${conv.name}) is missing a corresponding "${dyns[k - 1]}" argument` };
      if (!isInt(t)) {
        return { tag: 'D_PRINTF_DYN_TYPE', message: `${func}( ) argument #${j + opts.foff + 1} is incompatible with conversion #${i + 1} prototype:\n\tconversion: % ${dyns[k - 1]} ${conv.name}\n\t prototype: int\n\t  argument: ${typeName(t)}` };
      }
      next++;
      j++;
    }
    let vt: DTypeDesc;
    let vname: string;
    if (d.flags & F_AGG) {
      if (!opts.aggregation) return { tag: 'D_PRINTF_AGG_CONV', message: `%@ conversion requires an aggregation and is not for use with ${func}( )` };
      vname = 'aggregating action';
      vt = aggType;
    } else {
      const t = argTypes[next];
      if (!t) return { tag: 'D_PRINTF_ARG_PROTO', message: `${func}( ) prototype mismatch: conversion #${i + 1} (%${conv.name}) is missing a corresponding value argument` };
      vname = `argument #${j + opts.foff + 1}`;
      vt = t;
      next++;
      j++;
    }
    d.cconv = conv.ofmt;
    d.signed = !!vt.signed;
    d.size = vt.size;
    if (!runCheck(conv, vt, opts, d)) {
      return { tag: 'D_PRINTF_ARG_TYPE', message: `${func}( ) ${vname} is incompatible with conversion #${i + 1} prototype:\n\tconversion: %${conv.name}\n\t prototype: ${conv.tstr}\n\t  argument: ${typeName(vt)}` };
    }
  }
  pf.nvalues = next;
  if (opts.exactLen && next < argTypes.length) {
    return { tag: 'D_PRINTF_ARG_EXTRA', message: `${func}( ) prototype mismatch: only ${j} arguments required by this format string` };
  }
  return undefined;
}

/** A run-time value for a conversion: an integer, a double (float conversions), a string, or stack frames. */
export type PfValue = DInt | string | readonly string[];

/** What %@ prints: a plain value, or text produced by the aggregation printer (quantize/lquantize/llquantize). */
export type PfAggValue = { kind: 'int'; value: DInt } | { kind: 'text'; text: string };

export interface FormatContext {
  /** Time zone for %Y/%T: 'UTC' or 'local' (dtrace uses the local zone). */
  timeZone?: 'UTC' | 'local';
  /** Stack frames printer for %k; defaults to formatStack with the given indent. */
  stackIndent?: number;
}

/** The conversion's value as the C conversion will see it (pfprint_sint / pfprint_uint). */
function intForC(v: DInt, d: PfArgDesc, signedConv: boolean): DInt {
  const size = (d.size === 1 || d.size === 2 || d.size === 4 || d.size === 8 ? d.size : 8) as IntSize;
  if (signedConv) {
    // Narrow signed values are promoted to int32 (sign-extended); 64-bit printed as int64.
    return size === 8 ? wrap(v, 8, true) : wrap(v, size, true);
  }
  // Unsigned: the value's bits at its width (narrow ones zero-extended to 32 bits).
  return toUnsigned(v, size);
}

function cspec(d: PfArgDesc, width: number, prec: number): CSpec {
  let flags = d.flags & (F_ALT | F_ZPAD | F_LEFT | F_SPOS | F_SPACE);
  let w = width;
  if (w < 0) { flags |= F_LEFT; flags &= ~F_ZPAD; w = -w; }
  // A `*` value past the bound (static ones were refused at compile time): the clause faults.
  if (w > MAX_FIELD || prec > MAX_FIELD) fault(FLT_ILLOP);
  // dtrace rebuilds the C format with "if (prec != 0)": a zero precision is lost.
  return { flags, width: w, prec: prec > 0 ? prec : -1 };
}

function asInt(v: PfValue | undefined): DInt {
  return typeof v === 'number' || typeof v === 'bigint' ? v : 0;
}

function toInt32(v: DInt): number {
  return typeof v === 'bigint' ? Number(BigInt.asIntN(32, v)) : v | 0;
}

/** Print one conversion with its value. */
function printOne(d: PfArgDesc, v: PfValue, spec: CSpec, ctx: FormatContext): string {
  const conv = d.conv!;
  const cc = d.cconv || conv.ofmt;
  switch (conv.print) {
    case 'sint': case 'uint': case 'dint': {
      if (cc === 'c' || cc === 'lc' || cc === 'wc') return cChar(intForC(asInt(v as PfValue), d, true), spec);
      const signedConv = cc === 'd' || cc === 'i';
      return cInt(intForC(asInt(v as PfValue), d, signedConv), cc === 'i' ? 'd' : cc, spec);
    }
    case 'fp': return cFloat(typeof v === 'number' ? v : Number(v), cc, spec);
    // A NULL string faults in the runtime before printing (dtrace: "invalid address (0x0)"); print nothing if one gets here.
    case 'cstr': return cString(v == null ? '' : String(v), spec);
    case 'estr': return cString(strchr2esc(v == null ? '' : String(v)), spec);
    case 'echr': return cString(strchr2esc(String.fromCharCode(toInt32(asInt(v as PfValue)) & 0xff)), spec);
    case 'addr': case 'uaddr': return cString('0x' + toUnsigned(asInt(v as PfValue), 8).toString(16), spec);
    case 'time': return cString(formatTimeY(asInt(v as PfValue), ctx.timeZone ?? 'UTC'), spec);
    case 'time822': return cString(formatTime822(asInt(v as PfValue), ctx.timeZone ?? 'UTC'), spec);
    case 'port': {
      // pfprint_port: the service name when getservbyport knows the port, else the number.
      const port = Number(toUnsigned(asInt(v as PfValue), 2));
      return cString(SERVICE_NAMES.get(port) ?? String(port), spec);
    }
    case 'inetaddr': return cString(String(v), spec);
    case 'stack': {
      const frames = Array.isArray(v) ? (v as readonly string[]) : [];
      // pfprint_stack: a left-justified width becomes the indentation; no width is applied.
      // cspec turned a negative '*' width into F_LEFT and its magnitude, so the spec says both cases.
      const indent = spec.flags & F_LEFT ? spec.width : 0;
      // With '-' the width is not applied to the frames; otherwise it is (a negative '*' width left-justifies them).
      return formatStack(frames, indent, (d.flags & F_LEFT) ? { flags: spec.flags & ~F_LEFT, width: 0, prec: spec.prec } : spec);
    }
    case 'wstr': return cString(String(v), spec);
    case 'pct': return '%';
  }
}

/**
 * dt_print_stack's layout for our decoded-layer stacks: a newline, then per
 * frame `indent` spaces, the frame text through the conversion's format, a newline.
 */
export function formatStack(frames: readonly string[], indent: number, spec?: CSpec): string {
  let s = '\n';
  const pad = ' '.repeat(indent);
  for (const f of frames) s += pad + (spec ? cString(f, spec) : f) + '\n';
  return s;
}

/**
 * dt_printf_format for printf(): `values` are the arguments after the format,
 * in order (dynamic widths/precisions before their conversion's value).
 */
export function formatValues(pf: ParsedFormat, values: readonly PfValue[], ctx: FormatContext = {}): string {
  return formatWith(pf, values, undefined, ctx);
}

/**
 * formatValues, appending the text to `buf` instead of returning it: the
 * per-packet printf path. Each argument descriptor gets a fast-path plan at
 * its first use (fop): prefixes are copied as byte codes; %s, and %d/%i/%u of
 * values that are plain numbers, with static widths and no precision or
 * sign/zero flags, are written straight into the buffer (write position and
 * array kept in locals); every other case goes through printOne, so the text
 * is always the same as formatValues'.
 */
export function formatValuesInto(pf: ParsedFormat, values: readonly PfValue[], ctx: FormatContext, buf: TextBuf): void {
  let vi = 0;
  const args = pf.args;
  let u = buf.u;
  let p = buf.pos;
  let or = 0;
  for (let i = 0; i < args.length; i++) {
    const d = args[i]!;
    let fop = d.fop;
    if (fop === undefined) fop = planFast(d);
    const pc = d.pcodes!;
    if (pc === null) {
      buf.pos = p; buf.or |= or; or = 0;
      buf.str(d.prefix);
      u = buf.u; p = buf.pos;
    } else {
      const n = pc.length;
      if (p + n > u.length) { buf.pos = p; buf.need(n); u = buf.u; }
      for (let j = 0; j < n; j++) u[p++] = pc[j]!;
      or |= d.por!;
    }
    if (fop === FOP_NONE) continue;
    if (fop === FOP_STR) {
      const v = values[vi];
      if (typeof v === 'string') {
        vi++;
        // cString: precision truncates, then the width pads with spaces.
        const prec = d.prec;
        const n = prec > 0 && v.length > prec ? prec : v.length;
        const w = d.width;
        const k = n > w ? n : w;
        if (p + k > u.length) { buf.pos = p; buf.need(k); u = buf.u; }
        const left = d.fleft!;
        if (!left) for (let j = n; j < w; j++) u[p++] = 32;
        const p0 = p;
        let sor = 0;
        for (let j = 0; j < n; j++) { const c = v.charCodeAt(j); sor |= c; u[p++] = c; }
        if (sor > 0xff && u instanceof Uint8Array) {
          // Not a byte string: let the buffer widen and write it again.
          buf.pos = p0; buf.or |= or; or = 0;
          buf.str(n === v.length ? v : v.slice(0, n));
          u = buf.u; p = buf.pos;
        } else or |= sor;
        if (left) for (let j = n; j < w; j++) u[p++] = 32;
        continue;
      }
    } else if (fop === FOP_SINT || fop === FOP_UINT) {
      const v = values[vi];
      if (typeof v === 'number') {
        // intForC for plain numbers: the value's bits at its size, sign-extended (signed) or not.
        let x: number;
        switch (d.size) {
          case 1: x = fop === FOP_SINT ? (v << 24) >> 24 : v & 0xff; break;
          case 2: x = fop === FOP_SINT ? (v << 16) >> 16 : v & 0xffff; break;
          case 4: x = fop === FOP_SINT ? v | 0 : v >>> 0; break;
          default: x = v + 0;
        }
        if (fop === FOP_SINT || x >= 0) {
          vi++;
          const neg = x < 0;
          let m = neg ? -x : x;
          let nd = 1;
          if (m < 1e9) { for (let t = m | 0; t >= 10; t = (t / 10) | 0) nd++; } else for (let t = m; t >= 10; t = Math.floor(t / 10)) nd++;
          const len = neg ? nd + 1 : nd;
          const w = d.width;
          const k = len > w ? len : w;
          if (p + k > u.length) { buf.pos = p; buf.need(k); u = buf.u; }
          const left = d.fleft!;
          if (!left) for (let j = len; j < w; j++) u[p++] = 32;
          if (neg) u[p++] = 45;
          let e = p + nd;
          p = e;
          // Exact for safe integers: the rounding error of m / 10 (< 0.0625) never reaches the next integer.
          while (m >= 1e9) { const q = Math.floor(m / 10); u[--e] = 48 + (m - q * 10); m = q; }
          let r = m | 0;
          do { const q = (r / 10) | 0; u[--e] = 48 + (r - q * 10); r = q; } while (r > 0);
          if (left) for (let j = len; j < w; j++) u[p++] = 32;
          continue;
        }
      }
    }
    // Everything else: the general printer, as formatValues does it.
    buf.pos = p; buf.or |= or; or = 0;
    vi = formatOneInto(d, values, vi, ctx, buf);
    u = buf.u; p = buf.pos;
  }
  buf.pos = p;
  buf.or |= or;
}

const FOP_GENERIC = 0, FOP_NONE = 1, FOP_STR = 2, FOP_SINT = 3, FOP_UINT = 4;

/** Decide an argument descriptor's fast path (formatValuesInto) once. */
function planFast(d: PfArgDesc): number {
  d.pcodes = prefixCodes(d.prefix);
  let por = 0;
  if (d.pcodes) for (let i = 0; i < d.pcodes.length; i++) por |= d.pcodes[i]!;
  d.por = por;
  let fop = FOP_GENERIC;
  const conv = d.conv;
  const flags = d.flags;
  if (!conv) fop = FOP_NONE;
  else if ((flags & (F_DYNWIDTH | F_DYNPREC | F_AGG)) === 0) {
    const spec = cspec(d, d.width, d.prec);
    const cc = d.cconv || conv.ofmt;
    if (conv.print === 'cstr') fop = FOP_STR;
    else if ((conv.print === 'sint' || conv.print === 'uint' || conv.print === 'dint') && spec.prec < 0 && (spec.flags & (F_ZPAD | F_SPOS | F_SPACE)) === 0) {
      if (cc === 'd' || cc === 'i') fop = FOP_SINT;
      else if (cc === 'u') fop = FOP_UINT;
    }
    d.fleft = (spec.flags & F_LEFT) !== 0;
  }
  d.fop = fop;
  return fop;
}

/** One conversion (with its dynamic width/precision values) through printOne; returns the next value index. */
function formatOneInto(d: PfArgDesc, values: readonly PfValue[], vi: number, ctx: FormatContext, buf: TextBuf): number {
  const conv = d.conv!;
  if (conv.print === 'pct') { buf.code(37); return vi; }
  let width = d.width;
  let prec = d.prec;
  if (d.flags & F_DYNWIDTH) width = toInt32(asInt(values[vi++]));
  if (d.flags & F_DYNPREC) { prec = toInt32(asInt(values[vi++])); if (prec < 0) prec = -1; }
  if (d.flags & F_AGG) return vi; // as formatWith without aggregations: nothing printed (printf rejects %@ anyway)
  buf.str(printOne(d, values[vi++]!, cspec(d, width, prec), ctx));
  return vi;
}

/** A prefix's codes (copying them beats charCodeAt on a slice of the program text), or null when not a byte string. */
function prefixCodes(s: string): Uint8Array | null {
  const b = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c > 0xff) return null;
    b[i] = c;
  }
  return b;
}

/**
 * dt_printf_format for printa(): keys are consumed by the non-%@ conversions;
 * `aggs` holds one value per aggregation; %@ conversions take them in turn
 * and repeat the last one beyond the count.
 */
export function formatPrintaRow(pf: ParsedFormat, keys: readonly PfValue[], aggs: readonly PfAggValue[], ctx: FormatContext = {}): string {
  return formatWith(pf, keys, aggs, ctx);
}

function formatWith(pf: ParsedFormat, values: readonly PfValue[], aggs: readonly PfAggValue[] | undefined, ctx: FormatContext): string {
  let out = '';
  let vi = 0;
  let ai = 0;
  const args = pf.args;
  for (let i = 0; i < args.length; i++) {
    const d = args[i]!;
    out += d.prefix;
    const conv = d.conv;
    if (!conv) continue;
    if (conv.print === 'pct') { out += '%'; continue; }
    let spec: CSpec;
    if (d.flags & (F_DYNWIDTH | F_DYNPREC)) {
      let width = d.width;
      let prec = d.prec;
      if (d.flags & F_DYNWIDTH) width = toInt32(asInt(values[vi++]));
      if (d.flags & F_DYNPREC) { prec = toInt32(asInt(values[vi++])); if (prec < 0) prec = -1; }
      spec = cspec(d, width, prec);
    } else spec = d.sspec ??= cspec(d, d.width, d.prec);
    if (d.flags & F_AGG) {
      const av = aggs?.[Math.min(ai, aggs.length - 1)];
      if (aggs && ai < aggs.length - 1) ai++;
      if (av) out += av.kind === 'text' ? av.text : printOne(d, av.value, spec, ctx);
      continue;
    }
    if (aggs && vi >= values.length) return out; // printa: fewer keys than conversions (EDT_DMISMATCH)
    out += printOne(d, values[vi++]!, spec, ctx);
  }
  return out;
}

/** Whether the format has any conversion consuming a value (used by printa: a format of only text prints once per key). */
export function conversionCount(pf: ParsedFormat): number {
  return pf.args.filter((a) => a.conv && a.conv.print !== 'pct').length;
}
