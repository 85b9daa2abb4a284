/**
 * dtrace's options (dt_options.c): the table of names, how each value is
 * parsed (sizes with k/m/g/t suffixes, rates with time suffixes or hz,
 * runtime values: numbers or yes/no couples), and the defaults. Setting an
 * unknown option or a bad value fails with libdtrace's error strings.
 */

import { MAX_FIELD, parseSize } from '../d/limits.ts';

export type OptKind = 'size' | 'rate' | 'runtime' | 'bool' | 'string' | 'compile';

const TABLE: [string, OptKind][] = [
  ['aggsize', 'size'], ['bufsize', 'size'], ['dynvarsize', 'size'], ['specsize', 'size'], ['strsize', 'size'],
  ['scratchsize', 'size'], ['printsize', 'size'],
  ['aggrate', 'rate'], ['cleanrate', 'rate'], ['statusrate', 'rate'], ['switchrate', 'rate'],
  ['nspec', 'runtime'], ['cpu', 'runtime'], ['jstackframes', 'runtime'], ['jstackstrsize', 'size'],
  ['stackframes', 'runtime'], ['ustackframes', 'runtime'], ['stackindent', 'runtime'], ['aggsortkeypos', 'runtime'],
  ['aggsortpos', 'runtime'], ['quiet', 'runtime'], ['flowindent', 'runtime'], ['rawbytes', 'runtime'],
  ['aggsortkey', 'runtime'], ['aggsortrev', 'runtime'], ['aggpercpu', 'runtime'], ['destructive', 'runtime'],
  ['grabanon', 'runtime'], ['temporal', 'runtime'], ['aggzoom', 'runtime'], ['aggpack', 'runtime'],
  ['agghist', 'runtime'],
  ['bufpolicy', 'string'], ['bufresize', 'string'], ['zone', 'string'], ['encoding', 'string'],
  ['amin', 'compile'], ['argref', 'compile'], ['core', 'compile'], ['cpp', 'compile'], ['cpphdrs', 'compile'],
  ['cpppath', 'compile'], ['ctypes', 'compile'], ['defaultargs', 'compile'], ['define', 'compile'],
  ['droptags', 'compile'], ['dtypes', 'compile'], ['empty', 'compile'], ['errtags', 'compile'], ['evaltime', 'compile'],
  ['incdir', 'compile'], ['iregs', 'compile'], ['kdefs', 'compile'], ['knodefs', 'compile'], ['late', 'compile'],
  ['lazyload', 'compile'], ['ldpath', 'compile'], ['libdir', 'compile'], ['linkmode', 'compile'], ['linktype', 'compile'],
  ['nolibs', 'compile'], ['pgmax', 'compile'], ['pspec', 'compile'], ['stdc', 'compile'], ['strip', 'compile'],
  ['syslibdir', 'compile'], ['tree', 'compile'], ['tregs', 'compile'], ['udefs', 'compile'], ['undef', 'compile'],
  ['unodefs', 'compile'], ['verbose', 'compile'], ['version', 'compile'], ['zdefs', 'compile'], ['debug', 'compile'],
  ['disasm', 'compile'], ['modpath', 'compile'], ['procfs', 'compile'],
  // wiretrace's own (README, "Scale"): workers, aggregation partials, Parquet records.
  ['ncpu', 'runtime'], ['aggpartial', 'runtime'], ['recfmt', 'string'],
];

export const OPTION_KINDS: ReadonlyMap<string, OptKind> = new Map(TABLE);

export const ERR_BADOPTNAME = 'Invalid option name';
export const ERR_BADOPTVAL = 'Invalid value for specified option';

/** Defaults (illumos dt_open.c / dtrace.c). */
export const OPTION_DEFAULTS: Record<string, string> = {
  strsize: '256', dynvarsize: '1m', aggsize: '4m', bufsize: '4m', nspec: '1', specsize: '32k',
  stackframes: '20', ustackframes: '100', switchrate: '1hz', aggrate: '1hz', statusrate: '1hz', cleanrate: '101hz',
  stackindent: '14', scratchsize: '256',
};

/** Check a value; returns an error string or undefined. */
export function validateOption(name: string, value: string | undefined): string | undefined {
  const kind = OPTION_KINDS.get(name);
  if (!kind) return ERR_BADOPTNAME;
  switch (kind) {
    case 'size': return value !== undefined && parseSize(value) !== undefined ? undefined : ERR_BADOPTVAL;
    case 'rate': return value !== undefined && parseRate(value) !== undefined ? undefined : ERR_BADOPTVAL;
    case 'runtime': {
      // ncpu: how many workers (1 .. 256).
      if (name === 'ncpu') return value !== undefined && /^[0-9]+$/.test(value) && Number(value) >= 1 && Number(value) <= 256 ? undefined : ERR_BADOPTVAL;
      if (value === undefined) return undefined;
      if (value === '' || value[0]! < '0' || value[0]! > '9') {
        return /^(yes|no|enable|disable|enabled|disabled|true|false|on|off|set|unset)$/i.test(value) ? undefined : ERR_BADOPTVAL;
      }
      if (!/^(0[xX][0-9a-fA-F]+|[0-9]+)$/.test(value)) return ERR_BADOPTVAL;
      // dtrace_optval_t is an int64_t: strtoll's ERANGE makes the value invalid.
      if (BigInt(value) > 0x7fffffffffffffffn) return ERR_BADOPTVAL;
      // Our bound (d/limits.ts): the indentation is built per stack frame.
      if (name === 'stackindent' && BigInt(value) > BigInt(MAX_FIELD)) return ERR_BADOPTVAL;
      return undefined;
    }
    case 'compile':
      // dt_opt_stdc: a (ISO C), c and t (the same here), s (K&R: cpp -traditional-cpp).
      if (name === 'stdc') return value === 'a' || value === 'c' || value === 's' || value === 't' ? undefined : ERR_BADOPTVAL;
      return undefined;
    case 'string':
      // dt_opt_encoding takes exactly "ascii" or "utf8".
      if (name === 'encoding') return value === 'ascii' || value === 'utf8' ? undefined : ERR_BADOPTVAL;
      if (name === 'recfmt') return value === 'text' || value === 'parquet' ? undefined : ERR_BADOPTVAL;
      return undefined;
    default: return undefined;
  }
}

/** dt_opt_size: a number with an optional k/m/g/t suffix. */
// The D layer parses size values too (strsize, printsize at run time): one parser for both.
export { parseSize };

/** dt_opt_rate: a number with a time suffix (or hz: a frequency), in ns. */
export function parseRate(v: string): number | undefined {
  const m = /^([0-9]+)([a-zA-Z]*)$/.exec(v);
  if (!m) return undefined;
  const n = Number(m[1]);
  const suf = m[2]!.toLowerCase();
  const mult: Record<string, number> = {
    ns: 1, nsec: 1, us: 1e3, usec: 1e3, ms: 1e6, msec: 1e6, s: 1e9, sec: 1e9, m: 60e9, min: 60e9,
    h: 3600e9, hour: 3600e9, d: 86400e9, day: 86400e9,
  };
  if (suf === '' || suf === 'hz') return n === 0 ? undefined : 1e9 / n;
  const k = mult[suf];
  return k === undefined ? undefined : n * k;
}

/** A set option's boolean sense (unset/no/false/off/... → false). */
export function optionIsSet(v: string | undefined, present: boolean): boolean {
  if (!present) return false;
  if (v === undefined) return true;
  return !/^(no|disable|disabled|false|off|unset|0)$/i.test(v);
}
