/**
 * GCM's GHASH (NIST SP 800-38D) over @noble/ciphers' GHASH, built once per
 * SA and reset per packet. noble's class precomputes its multiplication
 * tables from the hash key in the constructor (the costly part); its
 * update() copies the input and needs whole views. This subclass keeps the
 * tables, and absorbs 16-byte blocks straight from any offset of a byte
 * array as four little-endian words — exactly the words noble's update()
 * would hand to the same _updateBlock (checked against noble's gcm() in
 * aes.test.ts).
 */
import { GHASH } from '@noble/ciphers/_polyval.js';
import { rd32 } from './aes.ts';

export class ReusableGhash extends GHASH {
  /** key: the 16-byte hash key H = E(K, 0^128). */
  constructor(key: Uint8Array) {
    // A large expected length picks noble's 8-bit window: 16 table lookups per block.
    super(key, 1 << 17);
  }

  reset(): void {
    this.s0 = 0; this.s1 = 0; this.s2 = 0; this.s3 = 0;
  }

  /** One block given as its four words. */
  block(w0: number, w1: number, w2: number, w3: number): void {
    this._updateBlock(w0, w1, w2, w3);
  }

  /** b[off .. off+len) as blocks, the last one zero-padded (one GHASH segment). */
  absorb(b: Uint8Array, off: number, len: number): void {
    let o = off;
    const end = off + len;
    for (; o + 16 <= end; o += 16) this._updateBlock(rd32(b, o), rd32(b, o + 4), rd32(b, o + 8), rd32(b, o + 12));
    if (o < end) {
      let w0 = 0, w1 = 0, w2 = 0, w3 = 0;
      for (let i = 0; o < end; i++, o++) {
        const v = b[o]! << ((i & 3) << 3);
        if (i < 4) w0 |= v; else if (i < 8) w1 |= v; else if (i < 12) w2 |= v; else w3 |= v;
      }
      this._updateBlock(w0, w1, w2, w3);
    }
  }

  /** The hash so far as four words (little-endian reads of the 16 output bytes). */
  word(i: number): number {
    return i === 0 ? this.s0 : i === 1 ? this.s1 : i === 2 ? this.s2 : this.s3;
  }
}
