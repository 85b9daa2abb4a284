/**
 * The IP header (and the start of its transport header) quoted inside an
 * ICMP or ICMPv6 error. It belongs to the ICMP message: it is read into
 * IcmpInfo.quoted and never becomes an IP layer or enters the path.
 */
import { u16 } from '../bytes.ts';
import type { QuotedIp } from '../types.ts';

export function readQuoted(q: QuotedIp, b: Uint8Array, off: number, end: number): void {
  q.present = false;
  q.srcPort = -1;
  q.dstPort = -1;
  if (end - off < 1) return;
  const v = b[off]! >> 4;
  let tp: number;
  if (v === 4) {
    if (end - off < 20) return;
    const ihl = (b[off]! & 15) << 2;
    if (ihl < 20) return;
    q.version = 4;
    q.srcOff = off + 12;
    q.dstOff = off + 16;
    q.addrLen = 4;
    q.protocol = b[off + 9]!;
    tp = off + ihl;
  } else if (v === 6) {
    if (end - off < 40) return;
    q.version = 6;
    q.srcOff = off + 8;
    q.dstOff = off + 24;
    q.addrLen = 16;
    q.protocol = b[off + 6]!;
    tp = off + 40;
  } else {
    return;
  }
  q.present = true;
  q.off = off;
  const p = q.protocol;
  if ((p === 6 || p === 17 || p === 132) && end - tp >= 4) {
    q.srcPort = u16(b, tp);
    q.dstPort = u16(b, tp + 2);
  }
}
