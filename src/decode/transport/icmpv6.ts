/**
 * ICMPv6 (RFC 4443): type, code, checksum, rest; the errors (destination
 * unreachable 1, packet too big 2, time exceeded 3, parameter problem 4)
 * quote the offending packet, read as part of the message (quoted.ts).
 */
import { u16, u32 } from '../bytes.ts';
import { currentIp, push, short } from '../frame.ts';
import { registerIpProtocol } from '../registry.ts';
import { type DecodedFrame, K_ICMPV6, L4_ICMPV6 } from '../types.ts';
import { readQuoted } from './quoted.ts';

export function decodeIcmpv6(f: DecodedFrame, off: number, end: number): void {
  const l = currentIp(f);
  if (l === null) return;
  if (end - off < 4) return short(f, K_ICMPV6, off, 4, end);
  if (!push(f, K_ICMPV6, off)) return;
  const b = f.buf;
  const m = l.icmp;
  l.l4 = L4_ICMPV6;
  l.l4Off = off;
  const type = b[off]!;
  m.type = type;
  m.code = b[off + 1]!;
  m.checksum = u16(b, off + 2);
  m.rest = end - off >= 8 ? u32(b, off + 4) : 0;
  if (type >= 1 && type <= 4) readQuoted(m.quoted, b, off + 8, end);
}

registerIpProtocol(58, decodeIcmpv6);
