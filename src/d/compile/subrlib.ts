/**
 * String and network subroutines used by the compiler's closures. A small
 * adapter kept in the compiler's folder until the library's subr module
 * (src/d/runtime/subr*.ts) lands; semantics follow dtrace_dif_subr() in
 * illumos dtrace.c.
 */
import type { DInt } from '../runtime/int64.ts';
import { canon } from '../runtime/int64.ts';

export const subrLib = {
  /** substr(s, index[, length]) with dtrace's negative index/length rules. */
  substr(s: string, index: number, len?: number): string {
    const slen = s.length;
    let i = index;
    let remaining = len ?? slen + 1;
    if (len !== undefined && len < 0) {
      remaining = slen + len - (i < 0 ? slen + i : i);
      if (i < 0 && slen + i < 0) remaining = slen + len;
    }
    if (i < 0) {
      i += slen;
      if (i < 0) {
        if (len !== undefined && len >= 0) remaining += i;
        i = 0;
      }
    }
    if (i >= slen || remaining <= 0) return '';
    return s.slice(i, i + remaining);
  },
  index(s: string, sub: string, start?: number): number {
    let pos = start ?? 0;
    if (pos < 0) pos = 0;
    if (pos > s.length) return -1;
    if (sub === '') return start === undefined ? 0 : pos;
    return s.indexOf(sub, pos);
  },
  rindex(s: string, sub: string, start?: number): number {
    let pos = start ?? s.length;
    if (start !== undefined && start < 0) return -1;
    if (pos > s.length) pos = s.length;
    if (sub === '') return Math.min(pos, s.length);
    return s.lastIndexOf(sub, pos);
  },
  strtok(st: { rest: string }, s: string | null, delim: string): string {
    let str = s === null ? st.rest : s;
    let i = 0;
    while (i < str.length && delim.includes(str[i]!)) i++;
    str = str.slice(i);
    if (str === '') { st.rest = ''; return ''; }
    let j = 0;
    while (j < str.length && !delim.includes(str[j]!)) j++;
    st.rest = j < str.length ? str.slice(j + 1) : '';
    return str.slice(0, j);
  },
  lltostr(v: DInt, base: number): string {
    if (base < 2 || base > 36) return String(v);
    const b = BigInt(v);
    if (base === 10) return b.toString(10);
    // Non-decimal bases print the unsigned 64-bit value with a 0/0x prefix.
    const u = BigInt.asUintN(64, b);
    const digits = u.toString(base);
    return base === 16 ? '0x' + digits : base === 8 ? '0' + digits : digits;
  },
  strtoll(s: string, base: number): DInt {
    const m = /^\s*([+-]?)(0[xX])?([0-9a-zA-Z]*)/.exec(s);
    if (!m) return 0;
    let b = base;
    let body = m[3]!;
    if (m[2] && (b === 16 || b === 0)) b = 16;
    else if (m[2]) body = '0';
    if (b === 0) b = body.startsWith('0') ? 8 : 10;
    let v = 0n;
    for (const ch of body.toLowerCase()) {
      const d = parseInt(ch, 36);
      if (Number.isNaN(d) || d >= b) break;
      v = v * BigInt(b) + BigInt(d);
    }
    if (m[1] === '-') v = -v;
    return canon(BigInt.asIntN(64, v));
  },
  basename(s: string): string {
    if (s === '') return '.';
    let end = s.length;
    while (end > 1 && s[end - 1] === '/') end--;
    if (end === 1 && s[0] === '/') return '/';
    const start = s.lastIndexOf('/', end - 1) + 1;
    return s.slice(start, end);
  },
  dirname(s: string): string {
    if (s === '') return '.';
    let end = s.length;
    while (end > 1 && s[end - 1] === '/') end--;
    const slash = s.lastIndexOf('/', end - 1);
    if (slash < 0) return '.';
    let d = slash;
    while (d > 0 && s[d - 1] === '/') d--;
    return d === 0 ? '/' : s.slice(0, d);
  },
  cleanpath(s: string): string {
    const abs = s.startsWith('/');
    const out: string[] = [];
    for (const part of s.split('/')) {
      if (part === '' || part === '.') continue;
      if (part === '..') { if (out.length > 0 && out[out.length - 1] !== '..') out.pop(); else if (!abs) out.push('..'); continue; }
      out.push(part);
    }
    const r = (abs ? '/' : '') + out.join('/');
    return r === '' ? (abs ? '/' : '.') : r;
  },
  /** inet_ntoa6: RFC 5952-style with dtrace's rules (IPv4-mapped as ::ffff:a.b.c.d). */
  ntop6(b: Uint8Array): string {
    const w: number[] = [];
    for (let i = 0; i < 16; i += 2) w.push((b[i]! << 8) | b[i + 1]!);
    const v4 = `${b[12]}.${b[13]}.${b[14]}.${b[15]}`;
    if (w.slice(0, 5).every((x) => x === 0) && w[5] === 0xffff) return '::ffff:' + v4;
    if (w.slice(0, 6).every((x) => x === 0) && (w[6] !== 0 || w[7]! > 1)) return '::' + v4;
    let bestS = -1, bestL = 0;
    for (let i = 0; i < 8;) {
      if (w[i] !== 0) { i++; continue; }
      let j = i;
      while (j < 8 && w[j] === 0) j++;
      if (j - i > bestL) { bestS = i; bestL = j - i; }
      i = j;
    }
    if (bestL < 2) bestS = -1;
    const hex = (x: number): string => x.toString(16);
    if (bestS < 0) return w.map(hex).join(':');
    const head = w.slice(0, bestS).map(hex).join(':');
    const tail = w.slice(bestS + bestL).map(hex).join(':');
    return head + '::' + tail;
  },
};
