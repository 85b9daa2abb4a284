/**
 * headerSum32 against the decoder's 16-bit one's-complement sum (the
 * reference the receive path used before: IpLayer.checksumValid), over
 * random headers of every IHL, at unaligned offsets, and the edge sums.
 */
import { describe, expect, it } from 'vitest';
import { onesSum } from '../../decode/bytes.ts';
import { headerSum32 } from '../checksum.ts';

function rng(seed: number): () => number {
  let x = seed >>> 0;
  return () => { x ^= x << 13; x >>>= 0; x ^= x >>> 17; x ^= x << 5; x >>>= 0; return x; };
}

describe('headerSum32', () => {
  it('equals the 16-bit one\'s-complement sum for random headers', () => {
    const r = rng(12345);
    const buf = new Uint8Array(128);
    const v = new DataView(buf.buffer);
    for (let n = 0; n < 20000; n++) {
      for (let i = 0; i < buf.length; i++) buf[i] = r() & 0xff;
      const len = 20 + 4 * (r() % 11);
      const off = r() % (buf.length - len + 1);
      expect(headerSum32(v, off, len)).toBe(onesSum(buf, off, len));
    }
  });

  it('agrees on verifying headers, all-zero and all-ones', () => {
    const buf = new Uint8Array(64);
    const v = new DataView(buf.buffer);
    expect(headerSum32(v, 0, 20)).toBe(onesSum(buf, 0, 20)); // 0: never verifies
    buf.fill(0xff);
    expect(headerSum32(v, 3, 60)).toBe(0xffff);
    expect(onesSum(buf, 3, 60)).toBe(0xffff);
    // The worked example of an IPv4 header with a correct checksum (0xb861): 45 00 00 73 00 00 40 00 40 11 b8 61 c0 a8 00 01 c0 a8 00 c7
    const h = [0x45, 0, 0, 0x73, 0, 0, 0x40, 0, 0x40, 0x11, 0xb8, 0x61, 0xc0, 0xa8, 0, 1, 0xc0, 0xa8, 0, 0xc7];
    buf.fill(0); buf.set(h, 1);
    expect(headerSum32(v, 1, 20)).toBe(0xffff);
    buf[11] ^= 1;
    expect(headerSum32(v, 1, 20)).toBe(onesSum(buf, 1, 20));
    expect(headerSum32(v, 1, 20)).not.toBe(0xffff);
  });
});
