/**
 * Byte formatters for --layers: each writes ASCII into `b` at `p` and returns
 * the position after what it wrote. Plain functions over (buffer, position)
 * so the caller keeps the position in a local (no store to an object field
 * per byte) and TurboFan inlines them into the line loop.
 *
 * Invariant: the caller leaves slack after `p` (LayerWriter's LINE_MAX):
 * putByte writes three bytes and the word stores four even for shorter
 * fields, counting only the real ones, so the extra bytes are scratch that
 * what follows overwrites. A DataView `d` passed with a Uint8Array `b` views
 * the same bytes at the same offset.
 *
 * The text is exactly the JS/decoder text these replace: putInt is
 * String(n) for integers, putIpv4/putIpv6 are decode/addr.ts ipv4String and
 * ipv6String (inet_ntop); layers-fmt.test.ts holds them together.
 */

const D0 = 48; // '0'
export const HEXC = Uint8Array.from('0123456789abcdef', (c) => c.charCodeAt(0));

/** 0..999 as [length, digit, digit, digit] (unused digit slots are scratch). */
const DIG3 = new Uint8Array(4000);
for (let i = 0; i < 1000; i++) {
  const t = String(i);
  DIG3[i * 4] = t.length;
  for (let j = 0; j < t.length; j++) DIG3[i * 4 + 1 + j] = t.charCodeAt(j);
}
/** 00..99 as two digit codes. */
const DIG2 = new Uint8Array(200);
for (let i = 0; i < 100; i++) { DIG2[i * 2] = D0 + Math.floor(i / 10); DIG2[i * 2 + 1] = D0 + (i % 10); }

/** A value 0..999 (an octet, a TTL, a protocol number) in decimal. */
export function putByte(b: Uint8Array, p: number, v: number): number {
  const t = v << 2;
  b[p] = DIG3[t + 1]!;
  b[p + 1] = DIG3[t + 2]!;
  b[p + 2] = DIG3[t + 3]!;
  return p + DIG3[t]!;
}

/**
 * An integer in decimal, as String(n) writes it (a minus sign when negative).
 * `d` views the same bytes as `b`, at the same offset.
 */
export function putInt(b: Uint8Array, d: DataView, p: number, n: number): number {
  if (n < 0) { b[p++] = 45; n = -n; }
  if (n < 1000) return putByte(b, p, n);
  if (n < 1e8) return putBelow1e8(d, p, n);
  let len = 9;
  for (let m = 1e9; n >= m; m *= 10) len++;
  const end = p + len;
  let q = end;
  while (n >= 100) {
    const hi = Math.floor(n / 100);
    const r = (n - hi * 100) << 1;
    b[--q] = DIG2[r + 1]!;
    b[--q] = DIG2[r]!;
    n = hi;
  }
  if (n >= 10) { b[q - 1] = DIG2[(n << 1) + 1]!; b[q - 2] = DIG2[n << 1]!; } else b[q - 1] = D0 + n;
  return end;
}

/** 0..9999 as four digits, zero-padded (Z4) and as String(n) (N4, length N4LEN), packed little-endian. */
const Z4 = new Uint32Array(10000);
const N4 = new Uint32Array(10000);
const N4LEN = new Uint8Array(10000);
for (let i = 0; i < 10000; i++) {
  const z = String(i).padStart(4, '0');
  const t = String(i);
  let zw = 0;
  let tw = 0;
  for (let j = 0; j < 4; j++) zw |= z.charCodeAt(j) << (8 * j);
  for (let j = 0; j < t.length; j++) tw |= t.charCodeAt(j) << (8 * j);
  Z4[i] = zw >>> 0;
  N4[i] = tw >>> 0;
  N4LEN[i] = t.length;
}
/** 1000 <= n < 1e8 (frame numbers, lengths): two word stores. */
function putBelow1e8(d: DataView, p: number, n: number): number {
  if (n < 10000) { d.setUint32(p, N4[n]!, true); return p + 4; }
  const hi = Math.floor(n / 10000);
  d.setUint32(p, N4[hi]!, true);
  const k = N4LEN[hi]!;
  d.setUint32(p + k, Z4[n - hi * 10000]!, true);
  return p + k + 4;
}

/** '0x' and `digits` lowercase hex digits of `v`, zero-padded. */
export function putHex(b: Uint8Array, p: number, v: number, digits: number): number {
  b[p] = D0; b[p + 1] = 120; // 0x
  const end = p + 2 + digits;
  let q = end;
  for (let i = 0; i < digits; i++) { b[--q] = HEXC[v & 15]!; v >>>= 4; }
  return end;
}

/** A 16-bit group in lowercase hex without leading zeros (Number#toString(16)). */
function putGroup(b: Uint8Array, p: number, v: number): number {
  if (v >= 0x1000) b[p++] = HEXC[v >>> 12]!;
  if (v >= 0x100) b[p++] = HEXC[(v >>> 8) & 15]!;
  if (v >= 0x10) b[p++] = HEXC[(v >>> 4) & 15]!;
  b[p++] = HEXC[v & 15]!;
  return p;
}

/** Dotted-quad IPv4 address at s[o..o+4). */
export function putIpv4(b: Uint8Array, p: number, s: Uint8Array, o: number): number {
  p = putByte(b, p, s[o]!); b[p++] = 46;
  p = putByte(b, p, s[o + 1]!); b[p++] = 46;
  p = putByte(b, p, s[o + 2]!); b[p++] = 46;
  return putByte(b, p, s[o + 3]!);
}

const words = new Uint16Array(8);

/**
 * For each set of zero groups (bit i: group i is 0), the run inet_ntop
 * replaces with '::': base | len << 4, or 0xff when none (no run of two or
 * more). The longest run, the first on ties, as ipv6String finds it.
 */
const ZRUN = new Uint8Array(256);
for (let mask = 0; mask < 256; mask++) {
  let bestBase = -1;
  let bestLen = 0;
  let curBase = -1;
  let curLen = 0;
  for (let i = 0; i < 8; i++) {
    if ((mask >> i) & 1) {
      if (curBase < 0) { curBase = i; curLen = 1; } else curLen++;
    } else if (curBase >= 0) {
      if (curLen > bestLen) { bestBase = curBase; bestLen = curLen; }
      curBase = -1;
    }
  }
  if (curBase >= 0 && curLen > bestLen) { bestBase = curBase; bestLen = curLen; }
  ZRUN[mask] = bestLen < 2 ? 0xff : bestBase | (bestLen << 4);
}

/**
 * IPv6 address at s[o..o+16), as inet_ntop writes it: the same text as
 * decode/addr.ts ipv6String (longest run of two or more zero groups becomes
 * '::', first on ties; ::a.b.c.d and ::ffff:a.b.c.d end in a dotted quad).
 */
export function putIpv6(b: Uint8Array, p: number, s: Uint8Array, o: number): number {
  let mask = 0;
  for (let i = 0; i < 8; i++) {
    const w = (s[o + 2 * i]! << 8) | s[o + 2 * i + 1]!;
    words[i] = w;
    if (w === 0) mask |= 1 << i;
  }
  const run = ZRUN[mask]!;
  if (run === 0xff) {
    p = putGroup(b, p, words[0]!);
    for (let i = 1; i < 8; i++) { b[p++] = 58; p = putGroup(b, p, words[i]!); }
    return p;
  }
  const bestBase = run & 15;
  const bestEnd = bestBase + (run >> 4);
  if (bestBase === 0 && (bestEnd === 6 || (bestEnd === 5 && words[5] === 0xffff))) {
    // ::a.b.c.d, ::ffff:a.b.c.d
    b[p++] = 58; b[p++] = 58;
    if (bestEnd === 5) { b[p++] = 102; b[p++] = 102; b[p++] = 102; b[p++] = 102; b[p++] = 58; }
    return putIpv4(b, p, s, o + 12);
  }
  for (let i = 0; i < bestBase; i++) {
    if (i !== 0) b[p++] = 58;
    p = putGroup(b, p, words[i]!);
  }
  b[p++] = 58; b[p++] = 58;
  for (let i = bestEnd; i < 8; i++) {
    if (i !== bestEnd) b[p++] = 58;
    p = putGroup(b, p, words[i]!);
  }
  return p;
}

// Word-at-a-time variants: one unaligned DataView store writes a whole field
// and its separator ("123\t", "10.", "0xab"), where the byte versions make up
// to four bounds-checked stores. Same slack invariant: a store may write past
// the field's end; the returned position counts only the real bytes.

/** 0..999 with a following tab, packed little-endian; NLEN is its length (digits + 1). */
const TAB4 = new Uint32Array(1000);
/** 0..255 with a following '.', packed little-endian (length NLEN too). */
const DOT4 = new Uint32Array(256);
const NLEN = new Uint8Array(1000);
for (let i = 0; i < 1000; i++) {
  const t = String(i);
  let tw = 0;
  let dw = 0;
  for (let j = 0; j < t.length; j++) { tw |= t.charCodeAt(j) << (8 * j); dw |= t.charCodeAt(j) << (8 * j); }
  tw |= 9 << (8 * t.length);
  dw |= 46 << (8 * t.length);
  TAB4[i] = tw >>> 0;
  if (i < 256) DOT4[i] = dw >>> 0;
  NLEN[i] = t.length + 1;
}
/** 0..255 as two lowercase hex digits, packed little-endian. */
const HEXW = new Uint16Array(256);
for (let i = 0; i < 256; i++) HEXW[i] = HEXC[i >>> 4]! | (HEXC[i & 15]! << 8);
const OX = 0x7830; // "0x" little-endian

/** A value 0..999 in decimal, then a tab. */
export function putDecTab(d: DataView, p: number, v: number): number {
  d.setUint32(p, TAB4[v]!, true);
  return p + NLEN[v]!;
}

/** Dotted-quad IPv4 address at s[o..o+4), then a tab. */
export function putIpv4Tab(d: DataView, p: number, s: Uint8Array, o: number): number {
  let v = s[o]!;
  d.setUint32(p, DOT4[v]!, true); p += NLEN[v]!;
  v = s[o + 1]!;
  d.setUint32(p, DOT4[v]!, true); p += NLEN[v]!;
  v = s[o + 2]!;
  d.setUint32(p, DOT4[v]!, true); p += NLEN[v]!;
  v = s[o + 3]!;
  d.setUint32(p, TAB4[v]!, true);
  return p + NLEN[v]!;
}

/** '0x', four hex digits of a big-endian 16-bit field (bytes hi, lo), a tab. */
export function putHex4Tab(d: DataView, p: number, hi: number, lo: number): number {
  d.setUint32(p, OX | (HEXW[hi]! << 16), true);
  d.setUint32(p + 4, HEXW[lo]! | (9 << 16), true);
  return p + 7;
}

/** '0x', two hex digits of a byte, a tab. */
export function putHex2Tab(d: DataView, p: number, v: number): number {
  d.setUint32(p, (OX | (HEXW[v]! << 16)) >>> 0, true);
  d.setUint8(p + 4, 9);
  return p + 5;
}

/** "0x", then a tab at byte 3: OR in one hex digit code << 16 (the IPv4 flags field). */
export const OX_TAB = OX | (9 << 24);

/** Any integer in decimal (as putInt), then a tab: one store when it is 0..999. */
export function putIntTab(b: Uint8Array, d: DataView, p: number, n: number): number {
  if (n >= 0 && n < 1000) return putDecTab(d, p, n);
  p = putInt(b, d, p, n);
  b[p] = 9;
  return p + 1;
}
