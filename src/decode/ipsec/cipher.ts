/**
 * One SA's prepared keys: verifies an ESP packet's ICV and decrypts its
 * payload in place. Everything derived from the keys alone (AES key
 * schedules, GHASH tables, HMAC's inner and outer pads) is computed once in
 * the constructor; per packet only the packet's bytes are worked on.
 *
 * ESP packet layout (RFC 4303), offsets from `esp`:
 *   0 SPI, 4 sequence number, 8 IV (ivLen), then the ciphertext
 *   (payload ‖ padding ‖ pad length ‖ next header), then the ICV (icvLen).
 * What each algorithm authenticates:
 *   HMAC-*             SPI ‖ seq ‖ IV ‖ ciphertext (‖ ESN high bits), RFC 4303 §3.3.2
 *   AES-GCM            AAD = SPI ‖ seq (or SPI ‖ ESN high ‖ seq), nonce = salt ‖ IV, RFC 4106
 *   ChaCha20-Poly1305  the same AAD and nonce, RFC 7634 (with RFC 8439's AEAD)
 *
 * Allocation: AES modes and HMAC work on the packet's bytes directly (HMAC
 * through a reused clone of the keyed state; noble's hash takes whole
 * views, so a subarray per call). ChaCha20-Poly1305 keys Poly1305 afresh
 * per packet, as the algorithm requires, through noble's API.
 */
import { chacha20 } from '@noble/ciphers/chacha.js';
import { poly1305 } from '@noble/ciphers/_poly1305.js';
import { hmac } from '@noble/hashes/hmac.js';
import { md5, ripemd160, sha1 } from '@noble/hashes/legacy.js';
import { sha256, sha384, sha512 } from '@noble/hashes/sha2.js';
import { AesKey, cbcDecrypt, counterWord3, ctrXor, encryptWords, rd32, wr32 } from './aes.ts';
import {
  type AuthAlg, ENC_AES_CBC, ENC_AES_CTR, ENC_AES_GCM, ENC_CHACHA20_POLY1305, type EncAlg, HASH_MD5, HASH_NONE, HASH_RIPEMD160,
  HASH_SHA1, HASH_SHA256, HASH_SHA384, HASH_SHA512, HASH_UNCHECKED,
} from './algorithms.ts';
import { ReusableGhash } from './ghash.ts';

import type { _HMAC } from '@noble/hashes/hmac.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Hmac = _HMAC<any>;

function hashFn(h: number): Parameters<typeof hmac.create>[0] {
  switch (h) {
    case HASH_SHA1: return sha1;
    case HASH_SHA256: return sha256;
    case HASH_SHA384: return sha384;
    case HASH_SHA512: return sha512;
    case HASH_MD5: return md5;
    case HASH_RIPEMD160: return ripemd160;
    default: throw new Error('no hash');
  }
}

function bswap(v: number): number {
  return ((v & 0xff) << 24) | ((v & 0xff00) << 8) | ((v >>> 8) & 0xff00) | (v >>> 24);
}

export class SaCrypto {
  readonly ivLen: number;
  readonly icvLen: number;
  /** The ciphertext length must be a multiple of this. */
  readonly block: number;
  /** Whether verify() really checks something (false: NULL or "ANY n bit" integrity). */
  readonly checks: boolean;
  private readonly encId: number;
  private readonly aes: AesKey | null = null;
  /** CTR nonce / GCM and ChaCha20 salt, as a word (rd32 of its 4 bytes). */
  private readonly saltWord: number = 0;
  private readonly salt = new Uint8Array(4);
  private readonly ghash: ReusableGhash | null = null;
  private readonly chachaKey: Uint8Array | null = null;
  private readonly mac: Hmac | null = null;
  private readonly work: Hmac | null = null;
  /** ESN: the high 32 bits of the sequence number, or -1 for 32-bit sequence numbers. */
  private readonly esnHigh: number;
  private readonly tag = new Uint8Array(64);
  private readonly mask = new Int32Array(4);
  private readonly hi4 = new Uint8Array(4);
  private readonly nonce = new Uint8Array(12);
  private readonly polyKey = new Uint8Array(32);
  private readonly aad = new Uint8Array(16);
  private readonly lens = new Uint8Array(16);

  constructor(enc: EncAlg, encKey: Uint8Array, auth: AuthAlg, authKey: Uint8Array, esnHigh = -1) {
    this.encId = enc.id;
    this.ivLen = enc.ivLen;
    this.block = enc.block;
    this.esnHigh = esnHigh;
    if (esnHigh >= 0) { this.hi4[0] = esnHigh >>> 24; this.hi4[1] = esnHigh >>> 16; this.hi4[2] = esnHigh >>> 8; this.hi4[3] = esnHigh; }
    if (enc.aead) {
      this.icvLen = enc.icvLen;
      this.checks = true;
    } else {
      this.icvLen = auth.icvLen;
      this.checks = auth.hash !== HASH_NONE && auth.hash !== HASH_UNCHECKED;
      if (this.checks) {
        this.mac = hmac.create(hashFn(auth.hash), authKey) as Hmac;
        this.work = this.mac.clone() as Hmac;
      }
    }
    switch (enc.id) {
      case ENC_AES_CBC:
        this.aes = new AesKey(encKey, true);
        break;
      case ENC_AES_CTR:
      case ENC_AES_GCM: {
        const n = encKey.length - 4;
        this.aes = new AesKey(encKey.slice(0, n), false);
        this.salt.set(encKey.subarray(n));
        this.saltWord = rd32(this.salt, 0);
        if (enc.id === ENC_AES_GCM) {
          encryptWords(this.aes, 0, 0, 0, 0, this.mask);
          const h = new Uint8Array(16);
          for (let i = 0; i < 4; i++) wr32(h, i * 4, this.mask[i]!);
          this.ghash = new ReusableGhash(h);
        }
        break;
      }
      case ENC_CHACHA20_POLY1305:
        this.chachaKey = encKey.slice(0, 32);
        this.salt.set(encKey.subarray(32, 36));
        this.nonce.set(this.salt, 0);
        break;
      default:
        break;
    }
  }

  /**
   * Whether the ICV of the ESP packet b[esp .. end) checks. Needs the whole
   * packet (the caller has checked the lengths: end - esp ≥ 8 + ivLen + icvLen).
   */
  verify(b: Uint8Array, esp: number, end: number): boolean {
    const icvOff = end - this.icvLen;
    switch (this.encId) {
      case ENC_AES_GCM: return this.gcmVerify(b, esp, icvOff);
      case ENC_CHACHA20_POLY1305: return this.chachaVerify(b, esp, icvOff);
      default: break;
    }
    if (!this.checks) return true;
    const m = this.work!;
    this.mac!._cloneInto(m);
    m.update(b.subarray(esp, icvOff));
    if (this.esnHigh >= 0) m.update(this.hi4);
    m.digestInto(this.tag);
    return same(this.tag, 0, b, icvOff, this.icvLen);
  }

  /** Decrypts the ciphertext of the ESP packet b[esp .. end) in place. */
  decrypt(b: Uint8Array, esp: number, end: number): void {
    const iv = esp + 8;
    const ct = iv + this.ivLen;
    const len = end - this.icvLen - ct;
    switch (this.encId) {
      case ENC_AES_CBC: cbcDecrypt(this.aes!, b, iv, ct, len); break;
      case ENC_AES_CTR: ctrXor(this.aes!, this.saltWord, rd32(b, iv), rd32(b, iv + 4), counterWord3(1), b, ct, len); break;
      case ENC_AES_GCM: ctrXor(this.aes!, this.saltWord, rd32(b, iv), rd32(b, iv + 4), counterWord3(2), b, ct, len); break;
      case ENC_CHACHA20_POLY1305: {
        this.nonce.set(b.subarray(iv, iv + 8), 4);
        const data = b.subarray(ct, ct + len);
        chacha20(this.chachaKey!, this.nonce, data, data, 1);
        break;
      }
      default: break; // NULL: the payload is the plaintext
    }
  }

  /** AAD words: SPI ‖ seq, or SPI ‖ ESN high ‖ seq. */
  private aadLen(): number { return this.esnHigh >= 0 ? 12 : 8; }

  private gcmVerify(b: Uint8Array, esp: number, icvOff: number): boolean {
    const iv = esp + 8;
    const ct = iv + 8;
    const len = icvOff - ct;
    const g = this.ghash!;
    g.reset();
    if (this.esnHigh >= 0) g.block(rd32(b, esp), bswap(this.esnHigh), rd32(b, esp + 4), 0);
    else g.block(rd32(b, esp), rd32(b, esp + 4), 0, 0);
    g.absorb(b, ct, len);
    g.block(0, bswap(this.aadLen() * 8), 0, bswap((len * 8) >>> 0));
    // Tag = E(K, J0) ^ GHASH, J0 = salt ‖ IV ‖ 1.
    encryptWords(this.aes!, this.saltWord, rd32(b, iv), rd32(b, iv + 4), counterWord3(1), this.mask);
    for (let i = 0; i < 4; i++) wr32(this.tag, i * 4, g.word(i) ^ this.mask[i]!);
    return same(this.tag, 0, b, icvOff, this.icvLen);
  }

  private chachaVerify(b: Uint8Array, esp: number, icvOff: number): boolean {
    const iv = esp + 8;
    const ct = iv + 8;
    const len = icvOff - ct;
    this.nonce.set(b.subarray(iv, iv + 8), 4);
    this.polyKey.fill(0);
    chacha20(this.chachaKey!, this.nonce, this.polyKey, this.polyKey, 0);
    const p = poly1305.create(this.polyKey);
    const aad = this.aad;
    aad.fill(0);
    aad.set(b.subarray(esp, esp + 4), 0);
    let n = 8;
    if (this.esnHigh >= 0) { aad.set(this.hi4, 4); aad.set(b.subarray(esp + 4, esp + 8), 8); n = 12; } else aad.set(b.subarray(esp + 4, esp + 8), 4);
    p.update(aad); // AAD zero-padded to 16
    p.update(b.subarray(ct, ct + len));
    const rem = len & 15;
    if (rem !== 0) p.update(ZEROS.subarray(0, 16 - rem));
    const l = this.lens;
    l.fill(0);
    l[0] = n;
    l[8] = len; l[9] = len >>> 8; l[10] = len >>> 16; l[11] = len >>> 24;
    p.update(l);
    p.digestInto(this.tag);
    return same(this.tag, 0, b, icvOff, 16);
  }
}

const ZEROS = new Uint8Array(16);

function same(a: Uint8Array, ao: number, b: Uint8Array, bo: number, n: number): boolean {
  let d = 0;
  for (let i = 0; i < n; i++) d |= a[ao + i]! ^ b[bo + i]!;
  return d === 0;
}
