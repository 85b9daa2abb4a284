/**
 * ICMP for IPv4 (RFC 792): type, code, checksum and the 4-byte rest; the
 * errors that quote the offending datagram (destination unreachable 3,
 * source quench 4, redirect 5, time exceeded 11, parameter problem 12) have
 * it read as part of the message (quoted.ts).
 */
import { u16, u32 } from '../bytes.ts';
import { currentIp, push, short } from '../frame.ts';
import { registerIpProtocol } from '../registry.ts';
import { type DecodedFrame, K_ICMP, L4_ICMP } from '../types.ts';
import { readQuoted } from './quoted.ts';

export function decodeIcmp(f: DecodedFrame, off: number, end: number): void {
  const l = currentIp(f);
  if (l === null) return;
  if (end - off < 4) return short(f, K_ICMP, off, 4, end);
  if (!push(f, K_ICMP, off)) return;
  const b = f.buf;
  const m = l.icmp;
  l.l4 = L4_ICMP;
  l.l4Off = off;
  const type = b[off]!;
  m.type = type;
  m.code = b[off + 1]!;
  m.checksum = u16(b, off + 2);
  m.rest = end - off >= 8 ? u32(b, off + 4) : 0;
  if (type === 3 || type === 4 || type === 5 || type === 11 || type === 12) readQuoted(m.quoted, b, off + 8, end);
}

registerIpProtocol(1, decodeIcmp);
