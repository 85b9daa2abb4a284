/** SCTP (RFC 9260) common header: ports and verification tag. Chunks are not decoded. */
import { u16, u32 } from '../bytes.ts';
import { currentIp, push, short } from '../frame.ts';
import { registerIpProtocol } from '../registry.ts';
import { type DecodedFrame, K_SCTP, L4_SCTP } from '../types.ts';

export function decodeSctp(f: DecodedFrame, off: number, end: number): void {
  const l = currentIp(f);
  if (l === null) return;
  if (end - off < 12) return short(f, K_SCTP, off, 12, end);
  if (!push(f, K_SCTP, off)) return;
  const b = f.buf;
  l.l4 = L4_SCTP;
  l.l4Off = off;
  l.sctp.srcPort = u16(b, off);
  l.sctp.dstPort = u16(b, off + 2);
  l.sctp.vtag = u32(b, off + 4);
}

registerIpProtocol(132, decodeSctp);
