/**
 * UDP (RFC 768). The length field bounds the payload; a length below 8 is
 * malformed and nothing inside is decoded; one beyond the IP payload is
 * marked, and the payload decoded as far as IP bounds it (as tshark does). The
 * payload's decoder is looked up by port in `udpPorts`, lower port first and
 * then the higher one, as packet-udp.c does: the higher port is tried only
 * when the lower one is not claimed by a protocol tshark knows (udp-claimed.ts).
 */
import { u16 } from '../bytes.ts';
import { currentIp, mark, push, short } from '../frame.ts';
import { registerIpProtocol, udpPorts } from '../registry.ts';
import { type DecodedFrame, K_UDP, L4_UDP, M_BAD_LENGTH } from '../types.ts';
import { udpClaimed } from './udp-claimed.ts';

export function decodeUdp(f: DecodedFrame, off: number, end: number): void {
  const l = currentIp(f);
  if (l === null) return;
  if (end - off < 8) return short(f, K_UDP, off, 8, end);
  if (!push(f, K_UDP, off)) return;
  const b = f.buf;
  const u = l.udp;
  l.l4 = L4_UDP;
  l.l4Off = off;
  const sp = u16(b, off);
  const dp = u16(b, off + 2);
  const len = u16(b, off + 4);
  u.srcPort = sp;
  u.dstPort = dp;
  u.length = len;
  u.checksum = u16(b, off + 6);
  if (len === 0 && l.version === 6) {
    u.payloadLen = l.upperLen - 8; // jumbogram: the length is IPv6's
  } else {
    if (len < 8) {
      u.payloadLen = l.upperLen - 8;
      return mark(f, K_UDP, M_BAD_LENGTH, off);
    }
    // A length past the IP payload is marked but, as packet-udp.c does, the payload is still
    // decoded (bounded by IP). A first fragment's length covers the whole datagram: not an error.
    const fragmented = (l.flags & 1) !== 0 || l.hasFragHeader;
    if (len > l.upperLen && !fragmented) mark(f, K_UDP, M_BAD_LENGTH, off);
    u.payloadLen = len - 8;
    const lim = off + len;
    if (lim < end) end = lim;
  }
  const lo = sp < dp ? sp : dp;
  const hi = sp < dp ? dp : sp;
  // packet-udp.c never tries port 0 (a tunnel whose source port is 0 is found by its destination).
  let next = lo !== 0 ? udpPorts[lo] : undefined;
  if (next === undefined && (lo === 0 || udpClaimed[lo] === 0)) next = udpPorts[hi];
  if (next !== undefined) next(f, off + 8, end);
}

registerIpProtocol(17, decodeUdp);
