/**
 * GTP-U (3GPP TS 29.281, UDP 2152): flags (version 1, PT 1, E, S, PN), message
 * type, length (after the 8 mandatory bytes), TEID; when E, S or PN is set,
 * 4 more bytes (sequence, N-PDU, next extension type) and a chain of
 * extension headers (length in 4-byte units, next type in their last byte).
 * A G-PDU (type 255) carries an IP packet, IPv4 or IPv6 by its first nibble,
 * which fires on `gtp0`; the TEID is the tunnel key.
 */
import { u16, u32 } from '../bytes.ts';
import { enterTunnel, mark, push, short } from '../frame.ts';
import { decodeIpv4 } from '../ip/ipv4.ts';
import { decodeIpv6 } from '../ip/ipv6.ts';
import { registerUdpPort } from '../registry.ts';
import { type DecodedFrame, K_GTPU, M_BAD_LENGTH, TUN_GTPU } from '../types.ts';
import { IF_GTP } from './names.ts';

export const GTPU_PORT = 2152;

export function decodeGtpu(f: DecodedFrame, off: number, end: number): void {
  if (end - off < 8) return short(f, K_GTPU, off, 8, end);
  const b = f.buf;
  const flags = b[off]!;
  if (flags >> 5 !== 1 || (flags & 0x10) === 0) return; // not GTPv1 (GTP' or v2 do not carry user IP)
  if (!push(f, K_GTPU, off)) return;
  const type = b[off + 1]!;
  const lim = off + 8 + u16(b, off + 2);
  if (lim < end) end = lim;
  const teid = u32(b, off + 4);
  let p = off + 8;
  if (flags & 0x07) {
    if (end - p < 4) return short(f, K_GTPU, p, 4, end);
    let nextExt = b[p + 3]!;
    p += 4;
    while (nextExt !== 0) {
      if (end - p < 1) return short(f, K_GTPU, p, 1, end);
      const n = b[p]! << 2;
      if (n === 0) return mark(f, K_GTPU, M_BAD_LENGTH, p);
      if (end - p < n) return short(f, K_GTPU, p, n, end);
      nextExt = b[p + n - 1]!;
      p += n;
    }
  }
  if (type !== 255) return;
  if (p >= end) return short(f, K_GTPU, p, 1, end);
  const v = b[p]! >> 4;
  if (v !== 4 && v !== 6) return;
  enterTunnel(f, TUN_GTPU, teid, IF_GTP);
  if (v === 4) decodeIpv4(f, p, end);
  else decodeIpv6(f, p, end);
}

registerUdpPort(GTPU_PORT, decodeGtpu);
