/**
 * What trace(), tracemem() and the default per-firing output print, after
 * libdtrace dt_consume.c (dt_consume_cpu's record switch, dt_print_bytes)
 * and cmd/dtrace/dtrace.c (chew: the CPU/ID/FUNCTION:NAME columns).
 *
 * Integers print with their type's signedness, right-aligned in a column
 * as wide as the type's widest value when not quiet (see traceInt).
 * Strings go through dt_print_bytes: printable text prints as text (padded
 * to 33 columns after two spaces when not quiet); an empty string or one
 * with unprintable bytes prints as dtrace's hex dump of the whole record.
 */
import type { DInt } from '../runtime/int64.ts';
import { toUnsigned, wrap } from '../runtime/int64.ts';

function padStart(s: string, w: number): string { return s.length >= w ? s : ' '.repeat(w - s.length) + s; }
function padEnd(s: string, w: number): string { return s.length >= w ? s : s + ' '.repeat(w - s.length); }

/**
 * trace() of an integer of the given type: printed with its type's
 * signedness, in a column as wide as the type's widest value (Linux DTrace's
 * dt_print_trace: " %19ld"/" %10d"/" %5hd"/" %3hhd" signed, " %20lu"/" %10u"/
 * " %5hu"/" %3hhu" unsigned). illumos prints 8- and 4-byte records signed
 * in " %16lld"/" %8d" whatever their type, so (uint32_t)-1 traces as -1
 * there; wiretrace prints a value as its type says (README "What differs").
 */
export function traceInt(v: DInt, size: number, signed: boolean, quiet: boolean): string {
  const n = size === 8 || size === 4 || size === 2 ? size : 1;
  const s = String(wrap(v, n, signed));
  if (quiet) return s;
  const w = n === 8 ? (signed ? 19 : 20) : n === 4 ? 10 : n === 2 ? 5 : 3;
  return ' ' + padStart(s, w);
}

function isPrintOrSpace(c: number): boolean {
  return (c >= 0x20 && c <= 0x7e) || (c >= 9 && c <= 13) || c === 8 || c === 7;
}

/**
 * dt_print_bytes for a string record of `recsize` bytes (strsize), with the
 * column width dtrace uses (-33 for trace, -50 for aggregation keys).
 */
export function printStringRecord(s: string, recsize: number, width: number, quiet: boolean, rawbytes = false): string {
  const str = s.length > recsize ? s.slice(0, recsize) : s;
  let i = 0;
  for (; i < str.length; i++) if (!isPrintOrSpace(str.charCodeAt(i) & 0xff)) break;
  if (i === str.length && !rawbytes) {
    if (str.length === recsize) {
      // All printable and no terminating NUL: "  %-*s".
      return '  ' + (width < 0 ? padEnd(str, -width) : padStart(str, width));
    }
    if (str.length > 0) {
      if (quiet) return str;
      return ' ' + (width < 0 ? ' ' : '') + (width < 0 ? padEnd(str, -width) : padStart(str, width));
    }
  }
  const bytes = new Uint8Array(recsize);
  for (let j = 0; j < str.length && j < recsize; j++) bytes[j] = str.charCodeAt(j) & 0xff;
  return hexDump(bytes);
}

/**
 * dt_print_bytes for an arbitrary record (a struct, an array): printable
 * bytes followed only by NULs print as a string, anything else as the hex
 * dump. `width` is -33 for trace(), -50 for aggregation keys.
 */
export function printBytes(bytes: Uint8Array, width: number, quiet: boolean, forceraw = false): string {
  const n = bytes.length;
  if (n === 0) return '';
  if (!forceraw) {
    let i = 0;
    for (; i < n; i++) {
      const c = bytes[i]!;
      if (isPrintOrSpace(c)) continue;
      if (c === 0 && i > 0) {
        let j = i + 1;
        while (j < n && bytes[j] === 0) j++;
        if (j !== n) break;
        const str = String.fromCharCode(...bytes.subarray(0, i));
        if (quiet) return str;
        return ' ' + (width < 0 ? ' ' : '') + (width < 0 ? padEnd(str, -width) : padStart(str, width));
      }
      break;
    }
    if (i === n) {
      const str = String.fromCharCode(...bytes);
      return '  ' + (width < 0 ? padEnd(str, -width) : padStart(str, width));
    }
  }
  return hexDump(bytes);
}

/** dt_print_bytes' raw layout (tracemem, and strings that are not text). */
export function hexDump(bytes: Uint8Array, n = bytes.length): string {
  if (n === 0) return '';
  const margin = '     ';
  let out = '\n' + margin + '      ';
  for (let i = 0; i < 16; i++) out += '  ' + '0123456789abcdef'[i];
  out += '  0123456789abcdef\n';
  for (let i = 0; i < n; i += 16) {
    out += margin + padStart(i.toString(16), 5) + ':';
    let j = i;
    for (; j < i + 16 && j < n; j++) out += ' ' + bytes[j]!.toString(16).padStart(2, '0');
    while (j++ % 16) out += '   ';
    out += '  ';
    for (j = i; j < i + 16 && j < n; j++) {
      const c = bytes[j]!;
      out += c < 0x20 || c > 0x7e ? '.' : String.fromCharCode(c);
    }
    out += '\n';
  }
  return out;
}

/** trace() of a string (record size = strsize); the rawbytes option forces the hex dump. */
export function traceString(s: string, strsize: number, quiet: boolean, rawbytes = false): string {
  return printStringRecord(s, strsize, -33, quiet, rawbytes);
}

/** tracemem(addr, size): always the hex dump. */
export function tracemem(bytes: Uint8Array, n = bytes.length): string {
  return hexDump(bytes, n);
}

/** The default stackindent option (_dtrace_stkindent). */
export const STACK_INDENT = 14;

/**
 * stack()/ustack() output (dt_print_stack): a newline, then one frame per
 * line indented by the stackindent option. Here a frame is one decoded layer.
 */
export function formatStackDefault(frames: readonly string[], indent = STACK_INDENT): string {
  let s = '\n';
  const pad = ' '.repeat(indent);
  for (const f of frames) s += pad + f + '\n';
  return s;
}

/** The non-quiet heading (chew in dtrace.c: "%3s %6s %32s\n"). */
export const PROBE_HEADER = 'CPU     ID                    FUNCTION:NAME\n';

/** The start of a non-quiet firing line ("%3d %6d %32s "); the records follow, then "\n". */
export function probeLine(cpu: number, id: number, func: string, name: string): string {
  return padStart(String(cpu), 3) + ' ' + padStart(String(id), 6) + ' ' + padStart(func + ':' + name, 32) + ' ';
}

/** The flowindent heading ("%3s %-41s\n"). */
export const FLOW_HEADER = 'CPU FUNCTION                                 \n';

/** An integer as an unsigned 64-bit hex (for stack frames printed as "0x..." addresses). */
export function hexAddr(v: DInt): string { return '0x' + toUnsigned(v, 8).toString(16); }
