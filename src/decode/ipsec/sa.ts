/**
 * A security association as a key file states it: which packets it applies
 * to (IP version, source and destination with wildcards, SPI) and its
 * algorithms and keys. The parsers (uat.ts, xfrm.ts) produce these; the
 * table (table.ts) matches packets against them.
 *
 * Patterns, as Wireshark's esp_sa entries write them:
 *   address  `*` (any), an address, an IPv4 address with `*` octets
 *            (`10.1.*.*`), or a prefix (`10.1.0.0/16`, `2001:db8::/32`)
 *   SPI      `*`, `0x` hex or decimal, hex with `*` digits (`0x1234****`)
 */
import type { AuthAlg, EncAlg } from './algorithms.ts';

/** A byte pattern: the address matches when (addr & mask) == (value & mask); any: always. */
export interface AddrPattern {
  readonly any: boolean;
  readonly value: Uint8Array;
  readonly mask: Uint8Array;
  /** As written, for messages. */
  readonly text: string;
}

export interface SpiPattern {
  readonly value: number;
  /** Bits that must match (0: any SPI). */
  readonly mask: number;
  readonly text: string;
}

export interface EspSaSpec {
  /** Where it was read: "keys.esp_sa:3", "pcapng DSB at offset 1234:2". */
  readonly origin: string;
  /** 4, 6, or 0 for either. */
  readonly family: 0 | 4 | 6;
  readonly src: AddrPattern;
  readonly dst: AddrPattern;
  readonly spi: SpiPattern;
  readonly enc: EncAlg;
  readonly encKey: Uint8Array;
  readonly auth: AuthAlg;
  readonly authKey: Uint8Array;
  /** Extended sequence numbers: the high 32 bits the ICV covers; -1 for 32-bit sequence numbers. */
  readonly esnHigh: number;
}

/** A problem with a key file line: errors drop the line, warnings keep it. */
export interface SaProblem {
  readonly origin: string;
  readonly level: 'error' | 'warning';
  readonly message: string;
}

export interface ParsedSas {
  readonly sas: EspSaSpec[];
  readonly problems: SaProblem[];
}

export const ANY_ADDR: AddrPattern = { any: true, value: new Uint8Array(0), mask: new Uint8Array(0), text: '*' };
export const ANY_SPI: SpiPattern = { value: 0, mask: 0, text: '*' };

/** Parses an IPv4 address (each octet decimal, or `*` when wildcards are allowed). */
function ipv4Parts(s: string, wild: boolean): { value: Uint8Array; mask: Uint8Array } | null {
  const parts = s.split('.');
  if (parts.length !== 4) return null;
  const value = new Uint8Array(4);
  const mask = new Uint8Array(4);
  for (let i = 0; i < 4; i++) {
    const p = parts[i]!;
    if (p === '*' && wild) continue;
    if (!/^[0-9]{1,3}$/.test(p) || Number(p) > 255) return null;
    value[i] = Number(p);
    mask[i] = 0xff;
  }
  return { value, mask };
}

/** Parses IPv6 text (RFC 4291 forms, an embedded IPv4 tail allowed) into 16 bytes, or null. */
export function parseIpv6(s: string): Uint8Array | null {
  if (s.length === 0 || s.length > 45) return null;
  let tail: Uint8Array | null = null;
  let text = s;
  const lastColon = s.lastIndexOf(':');
  if (s.indexOf('.', lastColon) > lastColon) {
    const v4 = ipv4Parts(s.slice(lastColon + 1), false);
    if (v4 === null) return null;
    tail = v4.value;
    text = s.slice(0, lastColon + 1) + '0:0';
  }
  const dbl = text.indexOf('::');
  if (dbl !== text.lastIndexOf('::')) return null;
  const groups = (g: string): number[] | null => {
    if (g === '') return [];
    const out: number[] = [];
    for (const h of g.split(':')) {
      if (!/^[0-9a-fA-F]{1,4}$/.test(h)) return null;
      out.push(parseInt(h, 16));
    }
    return out;
  };
  let words: number[];
  if (dbl >= 0) {
    const a = groups(text.slice(0, dbl));
    const b = groups(text.slice(dbl + 2));
    if (a === null || b === null || a.length + b.length > 7) return null;
    words = [...a, ...new Array<number>(8 - a.length - b.length).fill(0), ...b];
  } else {
    const a = groups(text);
    if (a === null || a.length !== 8) return null;
    words = a;
  }
  const out = new Uint8Array(16);
  for (let i = 0; i < 8; i++) { out[i * 2] = words[i]! >> 8; out[i * 2 + 1] = words[i]! & 0xff; }
  if (tail !== null) out.set(tail, 12);
  return out;
}

/**
 * An address pattern for `family` (4, 6, or 0: decided by the text), or an
 * error message.
 */
export function parseAddrPattern(text: string, family: 0 | 4 | 6): { pattern: AddrPattern; family: 0 | 4 | 6 } | string {
  const s = text.trim();
  if (s === '*' || s === '') return { pattern: ANY_ADDR, family };
  const slash = s.indexOf('/');
  const addr = slash < 0 ? s : s.slice(0, slash);
  const v6 = addr.includes(':');
  const fam: 4 | 6 = v6 ? 6 : 4;
  if (family !== 0 && family !== fam) return `address ${s} is not an IPv${family} address`;
  let value: Uint8Array;
  let mask: Uint8Array;
  if (v6) {
    const b = parseIpv6(addr);
    if (b === null) return `address ${s}: not an IPv6 address`;
    value = b;
    mask = new Uint8Array(16).fill(0xff);
  } else {
    const p = ipv4Parts(addr, slash < 0);
    if (p === null) return `address ${s}: not an IPv4 address (a.b.c.d, * for any octet, or a.b.c.d/len)`;
    value = p.value;
    mask = p.mask;
  }
  if (slash >= 0) {
    const lenText = s.slice(slash + 1);
    const bits = value.length * 8;
    if (!/^[0-9]{1,3}$/.test(lenText) || Number(lenText) > bits) return `address ${s}: prefix length must be 0..${bits}`;
    const n = Number(lenText);
    mask = new Uint8Array(value.length);
    for (let i = 0; i < value.length; i++) mask[i] = n >= (i + 1) * 8 ? 0xff : n <= i * 8 ? 0 : (0xff << (8 - (n - i * 8))) & 0xff;
  }
  return { pattern: { any: false, value, mask, text: s }, family: fam };
}

/** An SPI pattern, or an error message. */
export function parseSpiPattern(text: string): SpiPattern | string {
  const s = text.trim();
  if (s === '*' || s === '') return ANY_SPI;
  const hex = /^0[xX]([0-9a-fA-F*]{1,8})$/.exec(s);
  if (hex !== null) {
    const digits = hex[1]!;
    let value = 0;
    let mask = 0;
    // Wildcard digits: as Wireshark compares "0x%08x" text, a digit counts from the right.
    for (let i = 0; i < digits.length; i++) {
      const c = digits[i]!;
      value = value * 16 + (c === '*' ? 0 : parseInt(c, 16));
      mask = mask * 16 + (c === '*' ? 0 : 15);
    }
    // Unwritten leading digits are zeros that must match.
    const hi = 0xffffffff - (2 ** (4 * digits.length) - 1);
    return { value: value >>> 0, mask: (mask + hi) >>> 0, text: s };
  }
  if (/^[0-9]{1,10}$/.test(s) && Number(s) <= 0xffffffff) return { value: Number(s) >>> 0, mask: 0xffffffff, text: s };
  return `SPI ${s}: expected 0x followed by up to 8 hex digits (* for any digit), a decimal number, or *`;
}

/**
 * A key as Wireshark reads one (compute_ascii_key): `0x` then hex digits
 * (an odd count gets a leading zero nibble), else the text's own bytes.
 */
export function parseKey(text: string): Uint8Array | string {
  const s = text.trim();
  if (/^0[xX]/.test(s)) {
    const h = s.slice(2);
    if (!/^[0-9a-fA-F]*$/.test(h)) return `key ${s.length > 12 ? s.slice(0, 12) + '…' : s}: not a hex number after 0x`;
    const even = h.length % 2 === 1 ? '0' + h : h;
    const out = new Uint8Array(even.length / 2);
    for (let i = 0; i < out.length; i++) out[i] = parseInt(even.slice(i * 2, i * 2 + 2), 16);
    return out;
  }
  return new TextEncoder().encode(s);
}

export function matchAddr(p: AddrPattern, b: Uint8Array, off: number, len: number): boolean {
  if (p.any) return true;
  if (p.value.length !== len) return false;
  const v = p.value, m = p.mask;
  for (let i = 0; i < len; i++) if (((b[off + i]! ^ v[i]!) & m[i]!) !== 0) return false;
  return true;
}

export function matchSpi(p: SpiPattern, spi: number): boolean {
  return ((spi ^ p.value) & p.mask) === 0;
}
