import { describe, expect, it } from 'vitest';
import { addrString } from '../decode/index.ts';
import { internAddr } from './addrcache.ts';

const v4 = (a: number, b: number, c: number, d: number): Uint8Array => new Uint8Array([9, a, b, c, d]);

describe('internAddr', () => {
  it('formats as inet_ntop does and returns the same string object for the same address', () => {
    const s = internAddr(v4(192, 168, 1, 10), 1, 4);
    expect(s).toBe('192.168.1.10');
    expect(internAddr(v4(192, 168, 1, 10), 1, 4)).toBe(s);
    const six = new Uint8Array(16); six[0] = 0x20; six[1] = 0x01; six[2] = 0x0d; six[3] = 0xb8; six[15] = 1;
    expect(internAddr(six, 0, 16)).toBe('2001:db8::1');
    const mapped = new Uint8Array([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, 10, 0, 0, 1]);
    expect(internAddr(mapped, 0, 16)).toBe('::ffff:10.0.0.1');
  });
  it('never confuses addresses that share a slot', () => {
    // More distinct addresses than slots: every answer must still be its own address.
    for (let i = 0; i < 20000; i++) {
      const a = (i * 7919) & 0xff, b = (i >> 8) & 0xff;
      expect(internAddr(v4(10, b, a, i & 0xff), 1, 4)).toBe(`10.${b}.${a}.${i & 0xff}`);
      const six = new Uint8Array(16); six[0] = 0xfe; six[1] = 0x80; six[14] = b; six[15] = i & 0xff; six[8] = a;
      expect(internAddr(six, 0, 16)).toBe(addrString(six, 0, 16));
    }
  });
  it('reads a view of a chunk at any byte offset, and follows the bytes', () => {
    const chunk = new Uint8Array(64);
    chunk.set([172, 16, 5, 9], 13);
    chunk.set([0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 7], 30);
    const sub = chunk.subarray(3); // byteOffset 3: offsets are relative to the view
    expect(internAddr(sub, 10, 4)).toBe('172.16.5.9');
    expect(internAddr(sub, 27, 16)).toBe('2001:db8::7');
    sub[13] = 10; // same buffer, new bytes: the answer follows the bytes
    expect(internAddr(sub, 10, 4)).toBe('172.16.5.10');
    expect(internAddr(chunk, 13, 4)).toBe('172.16.5.10');
  });
});
