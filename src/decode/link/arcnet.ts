/**
 * ARCNET (packet-arcnet.c): LINKTYPE_ARCNET_BSD (7) is source, destination,
 * protocol ID; LINKTYPE_ARCNET_LINUX (129) has a 2-byte offset field before
 * the protocol ID. RFC 1051 protocol IDs (240 IP, 241 ARP) carry the packet
 * right after the ID; every other ID (RFC 1201: 212 IP, 196 IPv6, ...) has a
 * split flag and a 2-byte sequence number first, and on BSD an exception
 * frame (split flag 0xff) inserts 2 bytes of padding, the protocol ID again
 * and the real split flag.
 */
import { push, short } from '../frame.ts';
import { ethertypes, registerLinkType } from '../registry.ts';
import { type DecodedFrame, K_ARCNET } from '../types.ts';

export const LINKTYPE_ARCNET_BSD = 7;
export const LINKTYPE_ARCNET_LINUX = 129;
const IP_1051 = 240;
const ARP_1051 = 241;
const DIAGNOSE = 0x80;
const BACNET = 0xcd;
const IP_1201 = 212;
const IPV6 = 196;

function arcnet(f: DecodedFrame, off: number, end: number, hasOffset: boolean, hasException: boolean): void {
  const b = f.buf;
  let p = off + 2 + (hasOffset ? 2 : 0);
  if (end - p < 1) return short(f, K_ARCNET, off, p - off + 1, end);
  if (!push(f, K_ARCNET, off)) return;
  const id = b[p]!;
  p++;
  if (id !== IP_1051 && id !== ARP_1051 && id !== DIAGNOSE && id !== BACNET) {
    if (hasException && p < end && b[p] === 0xff) p += 4;
    p += 3;
    if (p > end) return short(f, K_ARCNET, off, p - off, end);
  }
  if (id === IP_1051 || id === IP_1201) ethertypes[0x0800]?.(f, p, end);
  else if (id === IPV6) ethertypes[0x86dd]?.(f, p, end);
}

export function decodeArcnetBsd(f: DecodedFrame, off: number, end: number): void { arcnet(f, off, end, false, true); }
export function decodeArcnetLinux(f: DecodedFrame, off: number, end: number): void { arcnet(f, off, end, true, false); }

registerLinkType(LINKTYPE_ARCNET_BSD, decodeArcnetBsd);
registerLinkType(LINKTYPE_ARCNET_LINUX, decodeArcnetLinux);
