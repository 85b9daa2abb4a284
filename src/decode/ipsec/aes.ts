/**
 * AES in the three modes ESP uses — CBC (RFC 3602), CTR (RFC 3686) and the
 * counter half of GCM (RFC 4106) — over @noble/ciphers' audited AES block
 * function, decrypting in place in a byte array at any offset.
 *
 * Why not noble's own cbc()/ctr()/gcm(): they expand the key (and GCM its
 * GHASH tables) on every call and allocate their output and views; a
 * decoder calls once per packet with the same key. Here the key schedule is
 * made once per SA (AesKey) and each packet costs only the block function:
 * no allocation, no alignment requirement. (Web Crypto would do the
 * arithmetic natively but only behind a Promise, which cannot sit inside the
 * synchronous decode loop.) The state is four 32-bit words read
 * little-endian from the bytes, which is how noble's block function takes
 * it; every mode here is checked against noble's own modes in aes.test.ts.
 */
import { unsafe } from '@noble/ciphers/aes.js';

const encryptBlock = unsafe.encrypt;
const decryptBlock = unsafe.decrypt;

/** Little-endian 32-bit word at b[o] (signed; only its bits matter). */
export function rd32(b: Uint8Array, o: number): number {
  return b[o]! | (b[o + 1]! << 8) | (b[o + 2]! << 16) | (b[o + 3]! << 24);
}

export function wr32(b: Uint8Array, o: number, v: number): void {
  b[o] = v;
  b[o + 1] = v >>> 8;
  b[o + 2] = v >>> 16;
  b[o + 3] = v >>> 24;
}

function bswap(v: number): number {
  return ((v & 0xff) << 24) | ((v & 0xff00) << 8) | ((v >>> 8) & 0xff00) | (v >>> 24);
}

/** An AES key's schedules, made once per SA. */
export class AesKey {
  readonly enc: Uint32Array;
  /** The decryption schedule, only for CBC. */
  readonly dec: Uint32Array | null;
  constructor(key: Uint8Array, forCbc: boolean) {
    this.enc = unsafe.expandKeyLE(key);
    this.dec = forCbc ? unsafe.expandKeyDecLE(key) : null;
  }
}

/**
 * CBC decryption of b[off .. off+len) in place (len a multiple of 16), the
 * IV at b[ivOff .. ivOff+16) (read before anything is written: in ESP it
 * sits just before the ciphertext).
 */
export function cbcDecrypt(k: AesKey, b: Uint8Array, ivOff: number, off: number, len: number): void {
  const xk = k.dec!;
  let p0 = rd32(b, ivOff), p1 = rd32(b, ivOff + 4), p2 = rd32(b, ivOff + 8), p3 = rd32(b, ivOff + 12);
  for (let o = off, end = off + len; o < end; o += 16) {
    const c0 = rd32(b, o), c1 = rd32(b, o + 4), c2 = rd32(b, o + 8), c3 = rd32(b, o + 12);
    const s = decryptBlock(xk, c0, c1, c2, c3);
    wr32(b, o, s.s0 ^ p0);
    wr32(b, o + 4, s.s1 ^ p1);
    wr32(b, o + 8, s.s2 ^ p2);
    wr32(b, o + 12, s.s3 ^ p3);
    p0 = c0; p1 = c1; p2 = c2; p3 = c3;
  }
}

/** CBC encryption in place (for the tests and the sample generator's cross-checks). */
export function cbcEncrypt(k: AesKey, b: Uint8Array, ivOff: number, off: number, len: number): void {
  let s0 = rd32(b, ivOff), s1 = rd32(b, ivOff + 4), s2 = rd32(b, ivOff + 8), s3 = rd32(b, ivOff + 12);
  for (let o = off, end = off + len; o < end; o += 16) {
    const s = encryptBlock(k.enc, s0 ^ rd32(b, o), s1 ^ rd32(b, o + 4), s2 ^ rd32(b, o + 8), s3 ^ rd32(b, o + 12));
    s0 = s.s0; s1 = s.s1; s2 = s.s2; s3 = s.s3;
    wr32(b, o, s0); wr32(b, o + 4, s1); wr32(b, o + 8, s2); wr32(b, o + 12, s3);
  }
}

/**
 * XORs b[off .. off+len) in place with the keystream E(K, counter block),
 * E(K, counter+1), …: the counter block's four words are given (as read by
 * rd32) and its last 32 bits count big-endian, as in RFC 3686 and GCM's
 * GCTR. Returns nothing; the caller's words are not changed.
 */
export function ctrXor(k: AesKey, w0: number, w1: number, w2: number, w3: number, b: Uint8Array, off: number, len: number): void {
  const xk = k.enc;
  let ctr = bswap(w3) >>> 0;
  let o = off;
  const end = off + len;
  for (; o + 16 <= end; o += 16) {
    const s = encryptBlock(xk, w0, w1, w2, bswap(ctr));
    wr32(b, o, rd32(b, o) ^ s.s0);
    wr32(b, o + 4, rd32(b, o + 4) ^ s.s1);
    wr32(b, o + 8, rd32(b, o + 8) ^ s.s2);
    wr32(b, o + 12, rd32(b, o + 12) ^ s.s3);
    ctr = (ctr + 1) >>> 0;
  }
  if (o < end) {
    const s = encryptBlock(xk, w0, w1, w2, bswap(ctr));
    for (let i = 0; o < end; i++, o++) {
      const w = i < 4 ? s.s0 : i < 8 ? s.s1 : i < 12 ? s.s2 : s.s3;
      b[o] = b[o]! ^ ((w >>> ((i & 3) << 3)) & 0xff);
    }
  }
}

/** E(K, block) of four words into out[0..4) (GCM's hash key and tag mask). */
export function encryptWords(k: AesKey, w0: number, w1: number, w2: number, w3: number, out: Int32Array): void {
  const s = encryptBlock(k.enc, w0, w1, w2, w3);
  out[0] = s.s0; out[1] = s.s1; out[2] = s.s2; out[3] = s.s3;
}

/** The counter block of GCM (J0 with counter `c`) or RFC 3686 CTR: 4-byte salt/nonce ‖ 8-byte IV ‖ be32(c), as words. */
export function counterWord3(c: number): number {
  return bswap(c);
}
