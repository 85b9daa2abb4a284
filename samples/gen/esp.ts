/**
 * esp.ts — ESP packets really encrypted, for sample captures and fixtures
 * whose keys are known (RFC 4303 framing; the algorithms of RFC 3602,
 * 3686, 4106, 7634 and 4868).
 *
 * Encryption uses @noble's one-shot APIs (gcm(), cbc(), ctr(),
 * chacha20poly1305(), hmac()): the library wiretrace decrypts with, but not
 * the per-packet code path its decoder uses (src/decode/ipsec/cipher.ts
 * drives the AES and GHASH cores directly), so a capture made here checks
 * that code path; tshark checks both (test/differential/esp.test.ts).
 *
 *   const sa = espSa('aes-gcm-16', '0x…', 'null', '');
 *   ipv4({ src, dst }, espPacket(sa, { spi, seq, iv, nextHeader: 4, payload: inner }))
 *
 * The key file line for an SA is uatLine(sa, …): Wireshark's esp_sa form,
 * which tshark takes with -o uat:esp_sa:…
 */
import { cbc, ctr, gcm } from '@noble/ciphers/aes.js';
import { chacha20poly1305 } from '@noble/ciphers/chacha.js';
import { hmac } from '@noble/hashes/hmac.js';
import { md5, ripemd160, sha1 } from '@noble/hashes/legacy.js';
import { sha256, sha384, sha512 } from '@noble/hashes/sha2.js';
import {
  type AuthAlg, authByName, ENC, type EncAlg, encByName, HASH_MD5, HASH_NONE, HASH_RIPEMD160, HASH_SHA1, HASH_SHA256, HASH_SHA384,
  HASH_SHA512, HASH_UNCHECKED,
} from '../../src/decode/ipsec/algorithms.ts';
import { parseKey } from '../../src/decode/ipsec/sa.ts';
import { concat, IPPROTO, type Bytes, type Upper, udp } from './craft.ts';

export interface EspSa {
  readonly enc: EncAlg;
  readonly encKey: Bytes;
  readonly auth: AuthAlg;
  readonly authKey: Bytes;
  /** The keys as written in a key file (0x… hex). */
  readonly encKeyText: string;
  readonly authKeyText: string;
  /** ESN high bits, -1 for 32-bit sequence numbers. */
  readonly esnHigh: number;
}

/** An SA from algorithm names (any name the key files accept) and 0x-hex keys. */
export function espSa(enc: string, encKey: string, auth: string, authKey: string, esnHigh = -1): EspSa {
  const e = encByName(enc);
  const a = authByName(auth);
  if (e === undefined) throw new Error(`unknown encryption ${enc}`);
  if (a === undefined) throw new Error(`unknown authentication ${auth}`);
  const ek = parseKey(encKey);
  const ak = parseKey(authKey);
  if (typeof ek === 'string' || typeof ak === 'string') throw new Error('bad key');
  if (e.keyLens.length > 0 && !e.keyLens.includes(ek.length)) throw new Error(`${e.name}: key of ${ek.length} bytes`);
  return { enc: e, encKey: ek, auth: a, authKey: ak, encKeyText: encKey, authKeyText: authKey, esnHigh };
}

function hashOf(h: number): typeof sha1 {
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

function be32(v: number): Bytes {
  return Uint8Array.from([(v >>> 24) & 0xff, (v >>> 16) & 0xff, (v >>> 8) & 0xff, v & 0xff]);
}

export interface EspPacketOpts {
  spi: number;
  seq: number;
  /** The explicit IV (ivLen bytes of the SA's cipher). */
  iv: Bytes;
  /** 4 / 41 tunnel mode, 6 / 17 … transport mode, 59 dummy. */
  nextHeader: number;
  payload: Bytes;
  /** Padding beyond what alignment needs, rounded up to keep it (RFC 4303 §2.4 allows up to 255 bytes in all). */
  extraPad?: number;
  /** Damage: flip a bit of the ICV after computing it. */
  corruptIcv?: boolean;
  /** Damage: write this pad length instead of the true one (the ICV covers the lie). */
  padLenOverride?: number;
}

/** The whole ESP packet (SPI, sequence, IV, ciphertext, ICV), sealed with `sa`. */
export function espSeal(sa: EspSa, o: EspPacketOpts): Bytes {
  const e = sa.enc;
  if (o.iv.length !== e.ivLen) throw new Error(`${e.name} needs a ${e.ivLen}-byte IV`);
  // Payload ‖ padding 1, 2, 3, … ‖ pad length ‖ next header, aligned to the block (4 at least).
  const align = Math.max(e.block, 4);
  const minPad = (align - ((o.payload.length + 2) % align)) % align;
  const padLen = minPad + Math.ceil((o.extraPad ?? 0) / align) * align;
  if (padLen > 255) throw new Error('pad length over 255');
  const pt = new Uint8Array(o.payload.length + padLen + 2);
  pt.set(o.payload, 0);
  for (let i = 0; i < padLen; i++) pt[o.payload.length + i] = i + 1;
  pt[pt.length - 2] = o.padLenOverride ?? padLen;
  pt[pt.length - 1] = o.nextHeader;
  const hdr = concat(be32(o.spi), be32(o.seq));
  const hi = sa.esnHigh >= 0 ? be32(sa.esnHigh) : new Uint8Array(0);
  let out: Bytes;
  if (e.aead) {
    const k = sa.encKey;
    const nonce = concat(k.subarray(k.length - 4), o.iv);
    const aad = sa.esnHigh >= 0 ? concat(hdr.subarray(0, 4), hi, hdr.subarray(4)) : hdr;
    const sealed = e === ENC.CHACHA20_POLY1305
      ? chacha20poly1305(k.subarray(0, 32), nonce, aad).encrypt(pt)
      : gcm(k.subarray(0, k.length - 4), nonce, aad).encrypt(pt);
    out = concat(hdr, o.iv, sealed.subarray(0, pt.length + e.icvLen));
  } else {
    let ct: Bytes;
    if (e === ENC.AES_CBC) ct = cbc(sa.encKey, o.iv, { disablePadding: true }).encrypt(pt);
    else if (e === ENC.AES_CTR) {
      const k = sa.encKey;
      ct = ctr(k.subarray(0, k.length - 4), concat(k.subarray(k.length - 4), o.iv, be32(1))).encrypt(pt);
    } else ct = pt;
    const body = concat(hdr, o.iv, ct);
    const a = sa.auth;
    let icv = new Uint8Array(0);
    if (a.hash === HASH_UNCHECKED) icv = new Uint8Array(a.icvLen).fill(0xab);
    else if (a.hash !== HASH_NONE) icv = hmac(hashOf(a.hash), sa.authKey, concat(body, hi)).slice(0, a.icvLen);
    out = concat(body, icv);
  }
  if (o.corruptIcv) out[out.length - 1]! ^= 0x01;
  return out;
}

/** The ESP packet as IP's payload (protocol 50). */
export function espPacket(sa: EspSa, o: EspPacketOpts): Upper {
  const b = espSeal(sa, o);
  return { proto: IPPROTO.ESP, build: () => b };
}

/** The ESP packet in UDP 4500 (NAT-T, RFC 3948); checksum 0 as senders do. */
export function espNatT(sa: EspSa, o: EspPacketOpts & { sport?: number; dport?: number }): Upper {
  return udp({ sport: o.sport ?? 4500, dport: o.dport ?? 4500, noChecksum: true }, espSeal(sa, o));
}

/** A Wireshark esp_sa record for this SA (file line, and tshark's -o uat:esp_sa: value). */
export function uatLine(sa: EspSa, o: { family: 4 | 6; src: string; dst: string; spi: string }): string {
  const q = (s: string): string => `"${s}"`;
  return [q(o.family === 4 ? 'IPv4' : 'IPv6'), q(o.src), q(o.dst), q(o.spi), q(sa.enc.name), q(sa.encKeyText), q(sa.auth.name), q(sa.authKeyText)].join(',');
}
