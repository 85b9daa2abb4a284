/**
 * OpenBSD/FreeBSD pflog (LINKTYPE 117): a header whose first byte is its
 * length (the payload starts at that length rounded up to 4), the address
 * family (2 IPv4; 24, 28, 30 IPv6 on the BSDs) and, at byte 60, the
 * direction (1 in, 2 out).
 */
import { push, short } from '../frame.ts';
import { ethertypes, registerLinkType } from '../registry.ts';
import { type DecodedFrame, DIR_IN, DIR_OUT, DIR_UNKNOWN, K_PFLOG } from '../types.ts';

export function decodePflog(f: DecodedFrame, off: number, end: number): void {
  if (end - off < 4) return short(f, K_PFLOG, off, 4, end);
  const b = f.buf;
  const len = (b[off]! + 3) & ~3;
  if (len < 4 || end - off < len) return short(f, K_PFLOG, off, len < 4 ? 4 : len, end);
  if (!push(f, K_PFLOG, off)) return;
  if (f.direction === DIR_UNKNOWN && len > 60) {
    const dir = b[off + 60]!;
    if (dir === 1) f.direction = DIR_IN;
    else if (dir === 2) f.direction = DIR_OUT;
  }
  const af = b[off + 1]!;
  if (af === 2) ethertypes[0x0800]?.(f, off + len, end);
  else if (af === 24 || af === 28 || af === 30 || af === 10) ethertypes[0x86dd]?.(f, off + len, end);
}

registerLinkType(117, decodePflog);
