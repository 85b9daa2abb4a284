/**
 * Less common link types that still carry IP, each a fixed header:
 *   IPNET (226, Solaris/illumos ipnet devices): 24 bytes; family 2 IPv4, 26 IPv6;
 *   ENC (109, OpenBSD IPsec enc): 12 bytes; address family in host order (2, 24);
 *   prism (119) and AVS (163) 802.11 monitor headers: 144 bytes, or AVS's
 *   big-endian length (AVS headers also appear under 119, told apart by their
 *   0x8021100x version word), then an 802.11 frame.
 */
import { u32, u32le } from '../bytes.ts';
import { push, short } from '../frame.ts';
import { ethertypes, registerLinkType } from '../registry.ts';
import { type DecodedFrame, K_RADIOTAP, K_RAW } from '../types.ts';
import { decodeIeee80211 } from './ieee80211.ts';

export function decodeIpnet(f: DecodedFrame, off: number, end: number): void {
  if (end - off < 24) return short(f, K_RAW, off, 24, end);
  if (!push(f, K_RAW, off)) return;
  const fam = f.buf[off + 1]!;
  if (fam === 2) ethertypes[0x0800]?.(f, off + 24, end);
  else if (fam === 26) ethertypes[0x86dd]?.(f, off + 24, end);
}

export function decodeEnc(f: DecodedFrame, off: number, end: number): void {
  if (end - off < 12) return short(f, K_RAW, off, 12, end);
  if (!push(f, K_RAW, off)) return;
  let af = u32le(f.buf, off);
  if (af > 0xffff) af = u32(f.buf, off);
  if (af === 2) ethertypes[0x0800]?.(f, off + 12, end);
  else if (af === 24 || af === 28 || af === 30) ethertypes[0x86dd]?.(f, off + 12, end);
}

function avs(f: DecodedFrame, off: number, end: number): void {
  if (end - off < 8) return short(f, K_RADIOTAP, off, 8, end);
  const len = u32(f.buf, off + 4);
  if (len < 8 || end - off < len) return short(f, K_RADIOTAP, off, 8, end);
  if (!push(f, K_RADIOTAP, off)) return;
  decodeIeee80211(f, off + len, end);
}

export function decodePrism(f: DecodedFrame, off: number, end: number): void {
  if (end - off >= 4 && ((u32(f.buf, off) & 0xfffffff0) >>> 0) === 0x80211000) return avs(f, off, end);
  if (end - off < 144) return short(f, K_RADIOTAP, off, 144, end);
  if (!push(f, K_RADIOTAP, off)) return;
  decodeIeee80211(f, off + 144, end);
}

registerLinkType(226, decodeIpnet);
registerLinkType(109, decodeEnc);
registerLinkType(119, decodePrism);
registerLinkType(163, avs);
