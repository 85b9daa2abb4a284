/**
 * IPv4 (RFC 791), as packet-ip.c dissects it:
 *   - version 6 in an IPv4 slot is handed to IPv6 (as dissect_ip does);
 *   - IHL < 5 or total length < IHL*4 (other than 0) is malformed: no layer;
 *   - total length 0 is TCP segmentation offload: the payload runs to the
 *     end of the captured data;
 *   - the payload is bounded by the total length (Ethernet padding excluded);
 *   - a fragment with a non-zero offset carries no transport header; the
 *     first fragment is decoded as far as it goes. Every fragment is marked
 *     (IpLayer.fragment) for the reassembly stage, which runs apart from
 *     decoding (decode/reassembly/): --layers shows fragments as captured.
 * The header checksum is verified whenever the whole header was captured.
 */
import { u16 } from '../bytes.ts';
export { onesSum } from '../bytes.ts';
import { mark, newIpLayer, push, short } from '../frame.ts';
import { ipProtocols, registerEthertype } from '../registry.ts';
import { type DecodedFrame, K_IPV4, M_BAD_HEADER_LENGTH, M_BAD_TOTAL_LENGTH, M_BAD_VERSION } from '../types.ts';
import { decodeIpv6 } from './ipv6.ts';

/**
 * Whether packet-ip.c's get_dst_offset walk over the options in b[p..p+len)
 * reads only bytes before `end` (it stops at end-of-list, a malformed option
 * or a source route; NOP is one byte, anything else has a length byte).
 */
function optionWalkFits(b: Uint8Array, p: number, len: number, end: number): boolean {
  while (len > 0) {
    if (p >= end) return false;
    const opt = b[p]!;
    len--;
    if (opt === 0) return true; // end of option list
    if (opt === 1) { p++; continue; }
    if (len === 0) return true;
    if (p + 1 >= end) return false;
    const n = b[p + 1]!;
    len--;
    if (n < 2 || n - 2 > len) return true;
    if (opt === 0x83 || opt === 0x89) return p + 2 < end; // LSRR/SSRR: reads the pointer, then stops
    p += n;
    len -= n - 2;
  }
  return true;
}

export function decodeIpv4(f: DecodedFrame, off: number, end: number): void {
  const b = f.buf;
  if (end - off < 1) return short(f, K_IPV4, off, 20, end);
  const vihl = b[off]!;
  const version = vihl >> 4;
  if (version === 6) return decodeIpv6(f, off, end);
  if (version !== 4) return mark(f, K_IPV4, M_BAD_VERSION, off);
  const ihl = (vihl & 15) << 2;
  if (ihl < 20) return mark(f, K_IPV4, M_BAD_HEADER_LENGTH, off);
  if (end - off < 20) return short(f, K_IPV4, off, 20, end);
  // A header cut inside its options makes a layer only if the option walk tshark does before
  // showing the destination (looking for a source route) stays within the captured bytes.
  if (end - off < ihl && !optionWalkFits(b, off + 20, ihl - 20, end)) return short(f, K_IPV4, off, ihl, end);
  const total = u16(b, off + 2);
  if (total !== 0 && total < ihl) return mark(f, K_IPV4, M_BAD_TOTAL_LENGTH, off);
  if (!push(f, K_IPV4, off)) return;
  const l = newIpLayer(f, K_IPV4, off);
  if (l === null) return;
  l.version = 4;
  l.hdrLen = ihl;
  l.ihl = ihl;
  l.srcOff = off + 12;
  l.dstOff = off + 16;
  l.addrLen = 4;
  // Total length 0 is TCP segmentation offload: like tshark, use what the capture says the packet held.
  l.plength = (total !== 0 ? total : f.start + f.wireLen - off) - ihl;
  const ff = u16(b, off + 6);
  l.fragOffset = ff & 0x1fff;
  if ((ff & 0x3fff) !== 0) { l.fragment = true; f.fragmented = true; } // MF or an offset
  const proto = b[off + 9]!;
  l.protocol = proto;
  l.upper = proto;
  if (end - off < ihl) return short(f, K_IPV4, off, ihl, end);
  l.hdrCaptured = true; // checksumValid is computed from it on demand
  const pay = off + ihl;
  let pend = end;
  if (total !== 0) {
    const lim = off + total;
    if (lim < pend) pend = lim;
    l.upperLen = total - ihl;
  } else {
    l.upperLen = l.plength; // TSO: what the wire carried
  }
  l.upperOff = pay;
  l.upperCapLen = pend - pay;
  if (l.fragOffset !== 0) {
    l.laterFragment = true;
    return;
  }
  ipProtocols[proto]?.(f, pay, pend);
}

registerEthertype(0x0800, decodeIpv4);
