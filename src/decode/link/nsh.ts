/**
 * Network Service Header (RFC 8300; ethertype 0x894f, GRE 0x894f, VXLAN-GPE
 * next protocol 4; packet-nsh.c): a 4-byte base header (version, O, TTL, a
 * 6-bit length in 4-byte words covering the whole NSH, MD type, next
 * protocol), the service path header and the context headers, then the
 * packet named by the next protocol (the table VXLAN-GPE shares): 1 IPv4,
 * 2 IPv6, 3 Ethernet, 4 NSH, 5 MPLS. NSH is not a tunnel endpoint: inner IP
 * stays on the interface of whatever carried it.
 */
import { push, short } from '../frame.ts';
import { ethertypes, registerEthertype } from '../registry.ts';
import { type DecodedFrame, K_NSH } from '../types.ts';
import { decodeEthernet } from './ethernet.ts';

/** Next-protocol values of NSH and VXLAN-GPE (IANA "NSH Next Protocol"). */
export function nshNextProtocol(f: DecodedFrame, np: number, off: number, end: number): void {
  switch (np) {
    case 1: ethertypes[0x0800]?.(f, off, end); break;
    case 2: ethertypes[0x86dd]?.(f, off, end); break;
    case 3: decodeEthernet(f, off, end); break;
    case 4: decodeNsh(f, off, end); break;
    case 5: ethertypes[0x8847]?.(f, off, end); break;
    default: break;
  }
}

export function decodeNsh(f: DecodedFrame, off: number, end: number): void {
  if (end - off < 8) return short(f, K_NSH, off, 8, end);
  const b = f.buf;
  if (b[off]! >> 6 !== 0) return; // unknown version
  const hl = (b[off + 1]! & 0x3f) << 2;
  if (hl < 8) return;
  if (end - off < hl) return short(f, K_NSH, off, hl, end);
  if (!push(f, K_NSH, off)) return;
  nshNextProtocol(f, b[off + 3]!, off + hl, end);
}

registerEthertype(0x894f, decodeNsh);
