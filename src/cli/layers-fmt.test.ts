/**
 * --layers byte formatters against the text they replace: String(n), the
 * decoder's ipv4String/ipv6String (inet_ntop, as tshark prints addresses) and
 * inet_ntop's documented forms. Writes land in a buffer pre-filled with junk,
 * so a formatter that relies on bytes it did not write fails here.
 */
import { describe, expect, it } from 'vitest';
import { ipv4String, ipv6String } from '../decode/index.ts';
import {
  putDecTab, putHex, putHex2Tab, putHex4Tab, putInt, putIntTab, putIpv4, putIpv4Tab, putIpv6,
} from './layers-fmt.ts';

const buf = new Uint8Array(128);
const dv = new DataView(buf.buffer);
const AT = 3; // an odd start: the word stores are unaligned

function text(write: (b: Uint8Array, d: DataView, p: number) => number): string {
  buf.fill(0x7e);
  const end = write(buf, dv, AT);
  return Buffer.from(buf.subarray(AT, end)).toString('latin1');
}

/** A small deterministic generator (no Math.random: failures must reproduce). */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s;
  };
}

describe('integers', () => {
  const cases = [0, 1, 9, 10, 99, 100, 999, 1000, 1234, 9999, 10000, 10001, 99999, 100000, 1000000, 1234567,
    9999999, 10000000, 99999999, 100000000, 123456789, 2 ** 31 - 1, 2 ** 31, 2 ** 32 - 1, 2 ** 32, 2 ** 53 - 1,
    -1, -9, -999, -1000, -65535, -(2 ** 31)];
  const r = rng(7);
  for (let i = 0; i < 2000; i++) cases.push(r() % 100000000, r() % 1000, r());
  it('putInt is String(n)', () => {
    for (const n of cases) expect(text((b, d, p) => putInt(b, d, p, n))).toBe(String(n));
  });
  it('putIntTab is String(n) and a tab', () => {
    for (const n of cases) expect(text((b, d, p) => putIntTab(b, d, p, n))).toBe(String(n) + '\t');
  });
  it('putDecTab covers 0..999', () => {
    for (let n = 0; n < 1000; n++) expect(text((_b, d, p) => putDecTab(d, p, n))).toBe(String(n) + '\t');
  });
});

describe('hex', () => {
  it('fixed-width fields', () => {
    for (let v = 0; v < 0x10000; v += 0x0101 + (v & 7)) {
      expect(text((_b, d, p) => putHex4Tab(d, p, v >>> 8, v & 255))).toBe('0x' + v.toString(16).padStart(4, '0') + '\t');
    }
    for (let v = 0; v < 256; v++) expect(text((_b, d, p) => putHex2Tab(d, p, v))).toBe('0x' + v.toString(16).padStart(2, '0') + '\t');
    for (const v of [0, 1, 0x10, 0xabcde, 0xfffff]) {
      expect(text((b, _d, p) => putHex(b, p, v, 5))).toBe('0x' + v.toString(16).padStart(5, '0'));
    }
  });
});

describe('addresses', () => {
  const src = new Uint8Array(40);
  function v6(bytes: number[]): Uint8Array { src.fill(0xee); src.set(bytes, 5); return src; }

  it('IPv4 is ipv4String', () => {
    const r = rng(3);
    for (let i = 0; i < 3000; i++) {
      const a = r();
      const s = v6([a >>> 24, (a >>> 16) & 255, (a >>> 8) & 255, a & 255]);
      expect(text((b, _d, p) => putIpv4(b, p, s, 5))).toBe(ipv4String(s, 5));
      expect(text((_b, d, p) => putIpv4Tab(d, p, s, 5))).toBe(ipv4String(s, 5) + '\t');
    }
  });

  it('IPv6 follows inet_ntop', () => {
    const want: [number[], string][] = [
      [[], '::'],
      [[0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1], '::1'],
      [[0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1], '2001:db8::1'],
      [[0, 1, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1], '1:0:0:1::1'],
      [[0, 1, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 1, 0, 0], '1::1:0:0:1:0'],
      [[0, 1, 0, 0, 0, 1, 0, 0, 0, 1, 0, 1, 0, 1, 0, 1], '1:0:1:0:1:1:1:1'],
      [[0xfe, 0x80, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], 'fe80::'],
      [[0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, 192, 0, 2, 1], '::ffff:192.0.2.1'],
      [[0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 10, 0, 0, 1], '::10.0.0.1'],
      [[0xab, 0xcd, 0x0e, 0xf0, 0, 0xa, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], 'abcd:ef0:a::'],
    ];
    for (const [bytes, s] of want) {
      const a = v6(bytes.length ? bytes : new Array<number>(16).fill(0));
      expect(text((b, _d, p) => putIpv6(b, p, a, 5))).toBe(s);
      expect(ipv6String(a, 5)).toBe(s);
    }
  });

  it('IPv6 is ipv6String (zero groups at every place)', () => {
    const r = rng(11);
    for (let i = 0; i < 20000; i++) {
      const bytes: number[] = [];
      const zeros = r();
      for (let g = 0; g < 8; g++) {
        // Each group is zero with probability 1/2, else a value of 1 to 4 hex digits.
        const v = (zeros >>> g) & 1 ? 0 : r() >>> (16 + 4 * (r() & 3));
        bytes.push(v >>> 8, v & 255);
      }
      if (i % 7 === 0) { bytes.fill(0, 0, 10); bytes[10] = bytes[11] = 0xff; }
      const a = v6(bytes);
      expect(text((b, _d, p) => putIpv6(b, p, a, 5))).toBe(ipv6String(a, 5));
    }
  });
});
