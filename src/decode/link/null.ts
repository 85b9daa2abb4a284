/**
 * BSD loopback encapsulations (packet-null.c).
 *
 * DLT_NULL (0): a 4-byte address family in the *capturing* host's byte
 * order. We read it little-endian (as tshark does on the machines it runs
 * on) and apply Wireshark's rules: FF 03 first means PPP in HDLC framing;
 * a value with upper 16 bits set is byte-swapped (or, for IRIX/UNICOS
 * headers, the upper half taken); values above 1500 are ethertypes (old
 * Linux); else AF_INET (2) is IPv4 and 24/28/30 (NetBSD/OpenBSD, FreeBSD,
 * Darwin AF_INET6) are IPv6.
 *
 * DLT_LOOP (108): the same family, always in network byte order.
 */
import { LINKTYPE } from '../../capture/types.ts';
import { u32, u32le } from '../bytes.ts';
import { push, short } from '../frame.ts';
import { ethertypes, registerLinkType } from '../registry.ts';
import { type DecodedFrame, K_LOOP, K_NULL } from '../types.ts';
import { IEEE_802_3_MAX_LEN } from './ethernet.ts';
import { decodePpp } from './ppp.ts';

function family(f: DecodedFrame, af: number, off: number, end: number): void {
  if (af > IEEE_802_3_MAX_LEN) {
    ethertypes[af & 0xffff]?.(f, off, end);
  } else if (af === 2) {
    ethertypes[0x0800]?.(f, off, end);
  } else if (af === 24 || af === 28 || af === 30) {
    ethertypes[0x86dd]?.(f, off, end);
  }
}

export function decodeNull(f: DecodedFrame, off: number, end: number): void {
  const b = f.buf;
  if (end - off >= 2 && b[off] === 0xff && b[off + 1] === 0x03) return decodePpp(f, off, end);
  if (end - off < 4) return short(f, K_NULL, off, 4, end);
  if (!push(f, K_NULL, off)) return;
  let v = u32le(b, off);
  if (v > 0xffff) {
    if (v < 0x1000000 && (v & 0xff0000) < 0x60000) v = v >>> 16; // IRIX: AF in the upper half
    else v = u32(b, off); // byte-swapped
  } else if ((v & 0xff) === 0 && (v & 0xff00) < 0x600) {
    v = v >>> 8; // IRIX header, byte-swapped 16-bit AF
  }
  family(f, v, off + 4, end);
}

export function decodeLoop(f: DecodedFrame, off: number, end: number): void {
  if (end - off < 4) return short(f, K_LOOP, off, 4, end);
  if (!push(f, K_LOOP, off)) return;
  family(f, u32(f.buf, off), off + 4, end);
}

registerLinkType(LINKTYPE.NULL, decodeNull);
registerLinkType(LINKTYPE.LOOP, decodeLoop);
