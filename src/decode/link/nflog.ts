/**
 * Linux NFLOG (LINKTYPE 239): family, version, resource id, then TLVs whose
 * length and type are in the capturing host's byte order (little-endian on
 * the machines that produce them; big-endian is tried when that does not
 * fit). TLV type 9 (NFULA_PAYLOAD) holds the IP packet. Lengths include the
 * 4-byte TLV header; TLVs are padded to 4 bytes. The family (AF_INET 2,
 * AF_INET6 10) says what the payload is; any other family is left undecoded.
 */
import { push, short } from '../frame.ts';
import { ethertypes, registerLinkType } from '../registry.ts';
import { type DecodedFrame, K_NFLOG } from '../types.ts';

export function decodeNflog(f: DecodedFrame, off: number, end: number): void {
  if (end - off < 4) return short(f, K_NFLOG, off, 4, end);
  if (!push(f, K_NFLOG, off)) return;
  const b = f.buf;
  const family = b[off]!;
  let p = off + 4;
  while (end - p >= 4) {
    let len = b[p]! | (b[p + 1]! << 8);
    let type = b[p + 2]! | (b[p + 3]! << 8);
    if (len < 4 || len > end - p) {
      len = (b[p]! << 8) | b[p + 1]!;
      type = (b[p + 2]! << 8) | b[p + 3]!;
      if (len < 4 || len > end - p) return short(f, K_NFLOG, p, 4, end);
    }
    if ((type & 0x7fff) === 9) {
      const s = p + 4;
      const e = p + len;
      if (family === 2) ethertypes[0x0800]?.(f, s, e);
      else if (family === 10) ethertypes[0x86dd]?.(f, s, e);
      return;
    }
    p += (len + 3) & ~3;
  }
  // No payload TLV: lost to the snap length when the frame was cut.
  if (f.capLen < f.wireLen) short(f, K_NFLOG, p, 4, end);
}

registerLinkType(239, decodeNflog);
