/**
 * IP over InfiniBand (LINKTYPE_IPOIB 242), as Linux captures it and tshark
 * (packet-ipoib.c, "IP over IB" pcap encapsulation) reads it: 20 bytes
 * tshark skips, the 20-byte destination hardware address (queue pair
 * number and GID), then RFC 4391's 4-byte header: an ethertype and 2
 * reserved bytes. IPv4 and IPv6 follow by ethertype.
 */
import { u16 } from '../bytes.ts';
import { push, short } from '../frame.ts';
import { ethertypes, registerLinkType } from '../registry.ts';
import { type DecodedFrame, K_IPOIB } from '../types.ts';

export const LINKTYPE_IPOIB = 242;
/** Bytes before the payload: 40 of addresses, then type and reserved. */
export const IPOIB_HDR_LEN = 44;

export function decodeIpoib(f: DecodedFrame, off: number, end: number): void {
  if (end - off < IPOIB_HDR_LEN) return short(f, K_IPOIB, off, IPOIB_HDR_LEN, end);
  if (!push(f, K_IPOIB, off)) return;
  const type = u16(f.buf, off + 40);
  if (type === 0x0800 || type === 0x86dd) ethertypes[type]?.(f, off + IPOIB_HDR_LEN, end);
}

registerLinkType(LINKTYPE_IPOIB, decodeIpoib);
