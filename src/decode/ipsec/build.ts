/**
 * Checks one SA's algorithms against its keys and makes the EspSaSpec, the
 * step both key formats (uat.ts, xfrm.ts) end in. Problems are returned as
 * data: an error drops the SA (with the reason), a warning keeps it.
 */
import { type AuthAlg, AUTH, type EncAlg, HASH_NONE, HASH_UNCHECKED } from './algorithms.ts';
import type { AddrPattern, EspSaSpec, SaProblem, SpiPattern } from './sa.ts';

export interface SaDraft {
  origin: string;
  family: 0 | 4 | 6;
  src: AddrPattern;
  dst: AddrPattern;
  spi: SpiPattern;
  enc: EncAlg;
  encKey: Uint8Array;
  auth: AuthAlg;
  authKey: Uint8Array;
  esnHigh: number;
}

function lens(ls: readonly number[]): string {
  if (ls.length === 1) return `${ls[0]}`;
  return `${ls.slice(0, -1).join(', ')} or ${ls[ls.length - 1]}`;
}

export function buildSa(d: SaDraft, problems: SaProblem[]): EspSaSpec | null {
  const err = (message: string): null => { problems.push({ origin: d.origin, level: 'error', message }); return null; };
  const e = d.enc;
  if (e.keyLens.length > 0 && !e.keyLens.includes(d.encKey.length)) {
    const extra = e.aead || e.name.startsWith('AES-CTR') ? ' (the key with its 4-byte salt/nonce appended)' : '';
    return err(`${e.name}: the encryption key is ${d.encKey.length} bytes; expected ${lens(e.keyLens)}${extra}`);
  }
  let auth = d.auth;
  if (e.aead && auth.hash !== HASH_NONE) {
    problems.push({ origin: d.origin, level: 'warning', message: `${e.name} authenticates itself: the authentication algorithm ${auth.name} is ignored` });
    auth = AUTH.NULL;
  }
  if (auth.hash !== HASH_NONE && auth.hash !== HASH_UNCHECKED && d.authKey.length === 0) {
    return err(`${auth.name}: the authentication key is empty`);
  }
  if (!e.aead && auth.hash === HASH_NONE && e.keyLens.length === 0) {
    problems.push({ origin: d.origin, level: 'warning', message: 'NULL encryption without integrity: packets are read as they are, unverified' });
  }
  return {
    origin: d.origin, family: d.family, src: d.src, dst: d.dst, spi: d.spi, enc: e, encKey: d.encKey, auth, authKey: d.authKey, esnHigh: d.esnHigh,
  };
}
