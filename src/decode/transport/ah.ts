/**
 * AH (RFC 4302) in IPv4, where it is an upper protocol: next header, length
 * ((len + 2) * 4 bytes), SPI, sequence; the authenticated payload (cleartext)
 * is decoded after it, and the layer's `upper` becomes AH's next header (as
 * in IPv6, where ipv6.ts walks AH as an extension header).
 */
import { u32 } from '../bytes.ts';
import { currentIp, push, short } from '../frame.ts';
import { ipProtocols, registerIpProtocol } from '../registry.ts';
import { type DecodedFrame, K_AH, L4_AH } from '../types.ts';

export function decodeAh(f: DecodedFrame, off: number, end: number): void {
  const l = currentIp(f);
  if (l === null) return;
  const b = f.buf;
  // Cut short: the next-header byte, when captured, still names what follows (as tshark reads it).
  if (end - off < 12) {
    if (end > off) l.upper = b[off]!;
    return short(f, K_AH, off, 12, end);
  }
  const len = (b[off + 1]! + 2) << 2;
  if (end - off < len) {
    l.upper = b[off]!;
    return short(f, K_AH, off, len, end);
  }
  if (!push(f, K_AH, off)) return;
  const ah = l.ah;
  ah.nextHeader = b[off]!;
  ah.hdrLen = len;
  ah.spi = u32(b, off + 4);
  ah.seq = u32(b, off + 8);
  l.l4 = L4_AH;
  l.l4Off = off;
  l.upper = ah.nextHeader;
  l.upperOff = off + len;
  l.upperLen -= len;
  l.upperCapLen = end - (off + len);
  ipProtocols[ah.nextHeader]?.(f, off + len, end);
}

registerIpProtocol(51, decodeAh);
