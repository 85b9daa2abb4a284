/**
 * IPv4 (RFC 791), as packet-ip.c dissects it:
 *   - version 6 in an IPv4 slot is handed to IPv6 (as dissect_ip does);
 *   - IHL < 5 or total length < IHL*4 (other than 0) is malformed: no layer;
 *   - total length 0 is TCP segmentation offload: the payload runs to the
 *     end of the captured data;
 *   - the payload is bounded by the total length (Ethernet padding excluded);
 *   - a fragment with a non-zero offset carries no transport header; the
 *     first fragment is decoded as far as it goes (no reassembly).
 * The header checksum is verified whenever the whole header was captured.
 */
import { u16 } from '../bytes.ts';
export { onesSum } from '../bytes.ts';
import { mark, newIpLayer, push, short } from '../frame.ts';
import { ipProtocols, registerEthertype } from '../registry.ts';
import { type DecodedFrame, K_IPV4, M_BAD_HEADER_LENGTH, M_BAD_TOTAL_LENGTH, M_BAD_VERSION } from '../types.ts';
import { decodeIpv6 } from './ipv6.ts';

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
  l.tos = b[off + 1]!;
  l.totalLength = total;
  // Total length 0 is TCP segmentation offload: like tshark, use what the capture says the packet held.
  l.plength = (total !== 0 ? total : f.start + f.wireLen - off) - ihl;
  l.ident = u16(b, off + 4);
  const ff = u16(b, off + 6);
  l.flagsFrag = ff;
  l.flags = ff >> 13;
  l.fragOffset = ff & 0x1fff;
  l.ttl = b[off + 8]!;
  const proto = b[off + 9]!;
  l.protocol = proto;
  l.upper = proto;
  l.checksum = u16(b, off + 10);
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
