/**
 * MPLS label stacks (0x8847 unicast, 0x8848 multicast; PPP 0x0281/0x0283).
 * After the bottom-of-stack entry the payload type is not signalled; like
 * tshark (packet-mpls.c, RFC 4928/4385) we look at the first nibble: 4 IPv4,
 * 6 IPv6, 0 a pseudowire control word followed by Ethernet.
 */
import { push, short } from '../frame.ts';
import { ethertypes, registerEthertype, registerPppProtocol } from '../registry.ts';
import { type DecodedFrame, K_MPLS } from '../types.ts';
import { decodeEthernet } from './ethernet.ts';

export function decodeMpls(f: DecodedFrame, off: number, end: number): void {
  const b = f.buf;
  for (;;) {
    if (end - off < 4) return short(f, K_MPLS, off, 4, end);
    if (!push(f, K_MPLS, off)) return;
    const bos = b[off + 2]! & 1;
    off += 4;
    if (bos) break;
  }
  if (off >= end) return short(f, K_MPLS, off, 1, end);
  const nibble = b[off]! >> 4;
  if (nibble === 4) ethertypes[0x0800]?.(f, off, end);
  else if (nibble === 6) ethertypes[0x86dd]?.(f, off, end);
  else if (nibble === 0 && end - off >= 4 + 14) decodeEthernet(f, off + 4, end);
}

registerEthertype(0x8847, decodeMpls);
registerEthertype(0x8848, decodeMpls);
registerPppProtocol(0x0281, decodeMpls);
registerPppProtocol(0x0283, decodeMpls);
