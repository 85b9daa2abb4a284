/**
 * The ESP algorithms wiretrace decrypts and verifies, and the names they go
 * by: Wireshark's esp_sa value strings (packet-ipsec.c, as tshark 4.0 spells
 * them), Linux xfrm names (`ip xfrm state`), and short aliases.
 *
 * Encryption (RFC 8221's current set, plus NULL):
 *   AES-CBC            RFC 3602  key 16/24/32, IV 16, blocks of 16
 *   AES-CTR            RFC 3686  key 16/24/32 + 4-byte nonce, IV 8
 *   AES-GCM            RFC 4106  key 16/24/32 + 4-byte salt, IV 8, ICV 8/12/16 (AEAD)
 *   ChaCha20-Poly1305  RFC 7634  key 32 + 4-byte salt, IV 8, ICV 16 (AEAD)
 *   NULL               RFC 2410  the payload travels in the clear
 * Integrity (with CBC, CTR and NULL): HMAC over SHA-1, SHA-256, SHA-384,
 * SHA-512 (RFC 2404, 4868), truncated to the ICV length; MD5 and RIPEMD-160
 * too (Wireshark lists them); "ANY n bit" takes the ICV length without
 * checking it, as Wireshark's entries of that name do.
 *
 * Legacy and unimplemented ciphers (DES, 3DES, Blowfish, CAST, Twofish,
 * Serpent, Camellia, CCM, GMAC, XCBC) are refused by name with a message
 * (see refusal()), never guessed at.
 */

export const ENC_NULL = 0;
export const ENC_AES_CBC = 1;
export const ENC_AES_CTR = 2;
export const ENC_AES_GCM = 3;
export const ENC_CHACHA20_POLY1305 = 4;

export interface EncAlg {
  readonly id: number;
  /** Canonical name (Wireshark's value string where it has one). */
  readonly name: string;
  /** Accepted key lengths in bytes (salt/nonce included). */
  readonly keyLens: readonly number[];
  /** Explicit IV carried in each packet. */
  readonly ivLen: number;
  /** The ciphertext must be a multiple of this (CBC: 16); 1 otherwise. */
  readonly block: number;
  /** AEAD: the ICV is the cipher's tag (integrity algorithm must be NULL or absent). */
  readonly aead: boolean;
  /** AEAD tag length in bytes; 0 for the others. */
  readonly icvLen: number;
}

export const HASH_NONE = 0;
export const HASH_SHA1 = 1;
export const HASH_SHA256 = 2;
export const HASH_SHA384 = 3;
export const HASH_SHA512 = 4;
export const HASH_MD5 = 5;
export const HASH_RIPEMD160 = 6;
/** "ANY n bit authentication [no checking]": the ICV is skipped, not verified. */
export const HASH_UNCHECKED = 7;

export const HASH_NAMES: readonly string[] = ['NULL', 'SHA-1', 'SHA-256', 'SHA-384', 'SHA-512', 'MD5', 'RIPEMD-160', 'ANY'];
/** Full digest lengths, the largest an ICV can be truncated from. */
export const HASH_LEN: readonly number[] = [0, 20, 32, 48, 64, 16, 20, 64];

export interface AuthAlg {
  readonly hash: number;
  /** ICV bytes carried in each packet (the HMAC truncated to this). */
  readonly icvLen: number;
  readonly name: string;
}

const gcm = (icv: number): EncAlg => ({
  id: ENC_AES_GCM, name: `AES-GCM with ${icv} octet ICV [RFC4106]`, keyLens: [20, 28, 36], ivLen: 8, block: 1, aead: true, icvLen: icv,
});

export const ENC = {
  NULL: { id: ENC_NULL, name: 'NULL', keyLens: [], ivLen: 0, block: 1, aead: false, icvLen: 0 } as EncAlg,
  AES_CBC: { id: ENC_AES_CBC, name: 'AES-CBC [RFC3602]', keyLens: [16, 24, 32], ivLen: 16, block: 16, aead: false, icvLen: 0 } as EncAlg,
  AES_CTR: { id: ENC_AES_CTR, name: 'AES-CTR [RFC3686]', keyLens: [20, 28, 36], ivLen: 8, block: 1, aead: false, icvLen: 0 } as EncAlg,
  AES_GCM_8: gcm(8),
  AES_GCM_12: gcm(12),
  AES_GCM_16: gcm(16),
  CHACHA20_POLY1305: {
    id: ENC_CHACHA20_POLY1305, name: 'ChaCha20 with Poly1305 [RFC7634]', keyLens: [36], ivLen: 8, block: 1, aead: true, icvLen: 16,
  } as EncAlg,
} as const;

export function hmacAlg(hash: number, icvLen: number, name?: string): AuthAlg {
  return { hash, icvLen, name: name ?? (hash === HASH_NONE ? 'NULL' : hash === HASH_UNCHECKED ? `ANY ${icvLen * 8} bit authentication [no checking]` : `HMAC-${HASH_NAMES[hash]}-${icvLen * 8}`) };
}

export const AUTH = {
  NULL: hmacAlg(HASH_NONE, 0, 'NULL'),
  SHA1_96: hmacAlg(HASH_SHA1, 12, 'HMAC-SHA-1-96 [RFC2404]'),
  SHA256_96: hmacAlg(HASH_SHA256, 12, 'HMAC-SHA-256-96 [draft-ietf-ipsec-ciph-sha-256-00]'),
  SHA256_128: hmacAlg(HASH_SHA256, 16, 'HMAC-SHA-256-128 [RFC4868]'),
  SHA384_192: hmacAlg(HASH_SHA384, 24, 'HMAC-SHA-384-192 [RFC4868]'),
  SHA512_256: hmacAlg(HASH_SHA512, 32, 'HMAC-SHA-512-256 [RFC4868]'),
  MD5_96: hmacAlg(HASH_MD5, 12, 'HMAC-MD5-96 [RFC2403]'),
  RIPEMD160_96: hmacAlg(HASH_RIPEMD160, 12, 'MAC-RIPEMD-160-96 [RFC2857]'), // sic: Wireshark's spelling
} as const;

/**
 * Names compared after normalising: lower case, the bracketed RFC reference
 * and every space, dash, underscore and dot removed ("AES-GCM with 16 octet
 * ICV [RFC4106]" → "aesgcmwith16octeticv"), so Wireshark's strings, their
 * variants across versions and short forms all land on one key.
 */
export function normName(s: string): string {
  return s.toLowerCase().replace(/\[[^\]]*\]/g, '').replace(/[\s\-_.]/g, '');
}

const ENC_NAMES = new Map<string, EncAlg>();
for (const [alg, names] of [
  [ENC.NULL, ['NULL', 'none', 'ENCR_NULL', 'ecb(cipher_null)', 'cipher_null']],
  [ENC.AES_CBC, ['AES-CBC [RFC3602]', 'AES-CBC', 'aes', 'ENCR_AES_CBC', 'cbc(aes)', 'AES-CBC-128', 'AES-CBC-192', 'AES-CBC-256']],
  [ENC.AES_CTR, ['AES-CTR [RFC3686]', 'AES-CTR', 'ENCR_AES_CTR', 'rfc3686(ctr(aes))']],
  [ENC.AES_GCM_8, ['AES-GCM with 8 octet ICV [RFC4106]', 'AES-GCM-8', 'AES-GCM-64', 'ENCR_AES_GCM_8', 'AES-GCM-ICV8']],
  [ENC.AES_GCM_12, ['AES-GCM with 12 octet ICV [RFC4106]', 'AES-GCM-12', 'AES-GCM-96', 'ENCR_AES_GCM_12', 'AES-GCM-ICV12']],
  [ENC.AES_GCM_16, ['AES-GCM with 16 octet ICV [RFC4106]', 'AES-GCM-16', 'AES-GCM-128', 'ENCR_AES_GCM_16', 'AES-GCM-ICV16', 'AES-GCM', 'AES-GCM [RFC4106]']],
  [ENC.CHACHA20_POLY1305, [
    'ChaCha20 with Poly1305 [RFC7634]', 'ChaCha20-Poly1305 [RFC7634]', 'ChaCha20-Poly1305', 'chacha20poly1305', 'ENCR_CHACHA20_POLY1305',
    'rfc7539esp(chacha20,poly1305)',
  ]],
] as [EncAlg, string[]][]) for (const n of names) ENC_NAMES.set(normName(n), alg);

const AUTH_NAMES = new Map<string, AuthAlg>();
for (const [alg, names] of [
  [AUTH.NULL, ['NULL', 'none', 'AUTH_NONE', 'digest_null']],
  [AUTH.SHA1_96, ['HMAC-SHA-1-96 [RFC2404]', 'HMAC-SHA1-96', 'HMAC-SHA-1-96', 'AUTH_HMAC_SHA1_96', 'hmac(sha1)', 'sha1']],
  [AUTH.SHA256_96, ['HMAC-SHA-256-96 [draft-ietf-ipsec-ciph-sha-256-00]', 'HMAC-SHA-256-96', 'HMAC-SHA256-96', 'HMAC-SHA256']],
  [AUTH.SHA256_128, ['HMAC-SHA-256-128 [RFC4868]', 'HMAC-SHA-256-128', 'HMAC-SHA256-128', 'AUTH_HMAC_SHA2_256_128', 'sha256']],
  [AUTH.SHA384_192, ['HMAC-SHA-384-192 [RFC4868]', 'HMAC-SHA-384-192', 'HMAC-SHA384-192', 'AUTH_HMAC_SHA2_384_192', 'sha384']],
  [AUTH.SHA512_256, ['HMAC-SHA-512-256 [RFC4868]', 'HMAC-SHA-512-256', 'HMAC-SHA512-256', 'AUTH_HMAC_SHA2_512_256', 'sha512']],
  [AUTH.MD5_96, ['HMAC-MD5-96 [RFC2403]', 'HMAC-MD5-96', 'AUTH_HMAC_MD5_96', 'hmac(md5)', 'md5']],
  [AUTH.RIPEMD160_96, ['MAC-RIPEMD-160-96 [RFC2857]', 'HMAC-RIPEMD-160-96 [RFC2857]', 'HMAC-RIPEMD-160-96', 'hmac(rmd160)']],
] as [AuthAlg, string[]][]) for (const n of names) AUTH_NAMES.set(normName(n), alg);
for (const bits of [64, 96, 128, 192, 256]) {
  const a = hmacAlg(HASH_UNCHECKED, bits / 8);
  AUTH_NAMES.set(normName(`ANY ${bits} bit authentication [no checking]`), a);
  AUTH_NAMES.set(normName(`ANY ${bits} bit authentication`), a);
  AUTH_NAMES.set(normName(`Any ${bits} bit authentication`), a);
}

/**
 * Ciphers and integrity algorithms recognised only to be refused. Legacy
 * ones (RFC 8221: MUST NOT / SHOULD NOT) are refused as such; the rest are
 * simply not implemented.
 */
const REFUSED: readonly [RegExp, string, boolean][] = [
  [/^(tripledes|3des|des3|cbc\(des3ede\)|encr3des|desede3)/, '3DES-CBC', true],
  [/^(descbc|des|desiv64|desiv32|cbc\(des\)|encrdes)$/, 'DES-CBC', true],
  [/blowfish/, 'Blowfish-CBC', true],
  [/cast/, 'CAST5-CBC', true],
  [/idea/, 'IDEA', true],
  [/rc5/, 'RC5', true],
  [/twofish/, 'Twofish-CBC', false],
  [/serpent/, 'Serpent-CBC', false],
  [/camellia/, 'Camellia', false],
  [/ccm/, 'AES-CCM', false],
  [/(gmac|rfc4543|nullauthaesgmac)/, 'AES-GMAC (NULL encryption with AES-GMAC)', false],
  [/xcbc/, 'AES-XCBC-MAC-96', false],
  [/cmac/, 'AES-CMAC-96', false],
];

/** The encryption algorithm for a name, or undefined. */
export function encByName(name: string): EncAlg | undefined {
  return ENC_NAMES.get(normName(name));
}

/** The integrity algorithm for a name, or undefined. */
export function authByName(name: string): AuthAlg | undefined {
  return AUTH_NAMES.get(normName(name));
}

/**
 * Why a named algorithm is refused ('' when the name is not one we refuse):
 * legacy ciphers are named as such.
 */
export function refusal(name: string): string {
  const n = normName(name);
  for (const [re, label, legacy] of REFUSED) {
    if (re.test(n)) {
      return legacy
        ? `${label} is a legacy cipher (RFC 8221) and is not supported: only AES-GCM, AES-CBC, AES-CTR, ChaCha20-Poly1305 and NULL encryption are`
        : `${label} is not supported: only AES-GCM, AES-CBC, AES-CTR, ChaCha20-Poly1305 and NULL encryption with HMAC-SHA-1/SHA-2 integrity are`;
    }
  }
  return '';
}

/** Linux xfrm's hash names (`hmac(sha256)` …) → HASH_*, or -1. */
export function xfrmHash(name: string): number {
  const m = /^hmac\((sha1|sha256|sha384|sha512|md5|rmd160)\)$/.exec(name);
  if (m === null) return name === 'digest_null' ? HASH_NONE : -1;
  return ({ sha1: HASH_SHA1, sha256: HASH_SHA256, sha384: HASH_SHA384, sha512: HASH_SHA512, md5: HASH_MD5, rmd160: HASH_RIPEMD160 } as Record<string, number>)[m[1]!]!;
}

/**
 * Linux's default ICV truncation for `auth hmac(x)` without auth-trunc
 * (net/xfrm/xfrm_algo.c icv_truncbits): 96 bits for SHA-1, MD5, RIPEMD-160
 * and — for compatibility with old drafts — SHA-256; SHA-384/512 use half
 * the digest (RFC 4868).
 */
export function xfrmDefaultIcv(hash: number): number {
  switch (hash) {
    case HASH_SHA384: return 24;
    case HASH_SHA512: return 32;
    case HASH_NONE: return 0;
    default: return 12;
  }
}

/** An integrity algorithm from a hash and a truncation, named as Wireshark names it when it has a name for it. */
export function authFor(hash: number, icvLen: number): AuthAlg {
  for (const a of Object.values(AUTH)) if (a.hash === hash && a.icvLen === icvLen) return a;
  return hmacAlg(hash, icvLen);
}
