/**
 * Network subroutines, ported from illumos dtrace.c: inet_ntoa, inet_ntoa6,
 * inet_ntop (the kernel's own formatting: RFC 1884 lower-case hex with one
 * "::" for the longest zero run — unlike RFC 5952 even a single zero group
 * is compressed; the first of equal runs wins — and the dotted quad kept for
 * IPv4-mapped and IPv4-compatible addresses), and the byte-order functions
 * with little-endian host semantics (x86: hton* and ntoh* swap bytes).
 *
 * Addresses are read from bytes in network order: the runtime resolves the
 * D pointer argument to a Uint8Array and offset.
 */
import type { DInt } from './int64.ts';
import * as I from './int64.ts';
import { DFault } from './subr.ts';

/** illumos <sys/socket.h>: AF_INET 2, AF_INET6 26. (Linux's AF_INET6, 10, is accepted too.) */
export const AF_INET = 2;
export const AF_INET6 = 26;
const AF_INET6_LINUX = 10;

/** inet_ntoa(&ipaddr): the dotted quad of 4 bytes in network order. */
export function inetNtoa(b: Uint8Array, off = 0, strsize = 256): string {
  return cut(`${b[off]}.${b[off + 1]}.${b[off + 2]}.${b[off + 3]}`, strsize);
}

/** Results are cut to strsize when they are recorded (tst.inet_ntoa6.strsize_10.d). */
function cut(s: string, strsize: number): string {
  return s.length > strsize ? s.slice(0, strsize) : s;
}

/** inet_ntoa of an ipaddr_t value as loaded on a little-endian host (first byte in the low bits). */
export function inetNtoaValue(v: DInt): string {
  const n = Number(I.toUnsigned(v, 4));
  return `${n & 0xff}.${(n >>> 8) & 0xff}.${(n >>> 16) & 0xff}.${n >>> 24}`;
}

function formatV6(b: Uint8Array, off: number, ntoa6: boolean): string {
  const u8 = (i: number): number => b[off + i] ?? 0;
  // Longest run of zero 16-bit groups (dtrace's byte-wise scan).
  let firstzero = -1, tryzero = -1, numzero = 1;
  for (let i = 0; i < 16; i++) {
    if (u8(i) === 0 && tryzero === -1 && i % 2 === 0) { tryzero = i; continue; }
    if (tryzero !== -1 && (u8(i) !== 0 || i === 15)) {
      if (i - tryzero <= numzero) { tryzero = -1; continue; }
      firstzero = tryzero;
      numzero = i - (i % 2) - tryzero;
      tryzero = -1;
      if (u8(i) === 0 && i === 15) numzero += 2;
    }
  }
  let out = '';
  let v6end = 14;
  let allz = true;
  for (let i = 0; i < 10; i++) if (u8(i) !== 0) allz = false;
  const mapped = allz && u8(10) === 0xff && u8(11) === 0xff;
  const first12zero = allz && u8(10) === 0 && u8(11) === 0;
  const last4 = ((u8(12) << 24) | (u8(13) << 16) | (u8(14) << 8) | u8(15)) >>> 0;
  const compat = first12zero && last4 !== 0 && last4 !== 1;
  if (mapped || compat) {
    out = `${u8(12)}.${u8(13)}.${u8(14)}.${u8(15)}`;
    if (ntoa6) return out;
    v6end = 10;
  }
  // Built right to left, as the kernel does.
  const parts: string[] = [];
  for (let i = v6end; i >= 0; i -= 2) {
    if (i === firstzero + numzero - 2) {
      parts.push('::');
      i -= numzero - 2;
      continue;
    }
    if (i < 14 && i !== firstzero - 2) parts.push(':');
    parts.push(((u8(i) << 8) + u8(i + 1)).toString(16));
  }
  return parts.reverse().join('') + out;
}

/**
 * inet_ntoa6(&in6[, strict]): IPv6 text; an IPv4-mapped/compatible address
 * gives just its dotted quad, unless strict (Linux DTrace's optional second
 * argument) asks for inet_ntop's "::ffff:a.b.c.d" / "::a.b.c.d".
 */
export function inetNtoa6(b: Uint8Array, off = 0, strsize = 256, strict = false): string {
  return cut(formatV6(b, off, !strict), strsize);
}

/** link_ntop's address types (Linux if_arp.h): Ethernet MACs are 6 bytes, InfiniBand addresses 20. */
export const ARPHRD_ETHER = 1, ARPHRD_INFINIBAND = 32;

/** The length of a link-layer address of `type`, or undefined for a type link_ntop does not know. */
export function linkAddrLen(type: DInt): number | undefined {
  const t = I.toDouble(type);
  return t === ARPHRD_ETHER ? 6 : t === ARPHRD_INFINIBAND ? 20 : undefined;
}

/** link_ntop(type, addr): the address bytes as two-digit lower-case hex joined by ':'. */
export function linkNtop(b: Uint8Array, strsize = 256): string {
  let s = '';
  for (let i = 0; i < b.length; i++) s += (i ? ':' : '') + (b[i]! < 16 ? '0' : '') + b[i]!.toString(16);
  return cut(s, strsize);
}

/** inet_ntop(af, &addr): AF_INET or AF_INET6; any other family is an illegal operation. */
export function inetNtop(af: DInt, b: Uint8Array, off = 0, strsize = 256): string {
  const f = I.toDouble(af);
  if (f === AF_INET) return inetNtoa(b, off, strsize);
  if (f === AF_INET6 || f === AF_INET6_LINUX) return cut(formatV6(b, off, false), strsize);
  throw new DFault('ILLOP');
}

/** ntohs/htons: swap the low 16 bits (uint16_t result). */
export function ntohs(v: DInt): number {
  const n = Number(I.toUnsigned(v, 2));
  return ((n & 0xff) << 8) | (n >>> 8);
}

/** ntohl/htonl: swap the low 32 bits (uint32_t result). */
export function ntohl(v: DInt): number {
  const n = Number(I.toUnsigned(v, 4));
  return (((n & 0xff) << 24) | ((n & 0xff00) << 8) | ((n >>> 8) & 0xff00) | (n >>> 24)) >>> 0;
}

/** ntohll/htonll: swap 64 bits (uint64_t result, canonical). */
export function ntohll(v: DInt): DInt {
  let x = BigInt.asUintN(64, I.big(v));
  let r = 0n;
  for (let i = 0; i < 8; i++) { r = (r << 8n) | (x & 0xffn); x >>= 8n; }
  return I.canon(r);
}

export const htons = ntohs;
export const htonl = ntohl;
export const htonll = ntohll;
