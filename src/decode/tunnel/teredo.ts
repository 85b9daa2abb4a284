/**
 * Teredo (RFC 4380, UDP 3544): IPv6 in UDP, optionally after an
 * authentication indicator (0x0001: id and auth lengths, nonce, confirmation)
 * and/or an origin indication (0x0000, 8 bytes). Inner IPv6 fires on `teredo0`.
 */
import { u16 } from '../bytes.ts';
import { enterTunnel, push, short } from '../frame.ts';
import { decodeIpv6 } from '../ip/ipv6.ts';
import { registerUdpPort } from '../registry.ts';
import { type DecodedFrame, K_TEREDO, TUN_TEREDO } from '../types.ts';

export const TEREDO_PORT = 3544;

export function decodeTeredo(f: DecodedFrame, off: number, end: number): void {
  const b = f.buf;
  let p = off;
  if (end - p >= 2 && u16(b, p) === 1) {
    if (end - p < 4) return;
    p += 4 + b[p + 2]! + b[p + 3]! + 9;
  }
  if (end - p >= 2 && u16(b, p) === 0) p += 8;
  if (p >= end || (end - p < 40 && end === f.end && f.capLen < f.wireLen)) return short(f, K_TEREDO, off, p - off + 40, end);
  if (b[p]! >> 4 !== 6 || end - p < 40) return; // not IPv6: leave it (tshark shows data)
  if (!push(f, K_TEREDO, off)) return;
  enterTunnel(f, TUN_TEREDO, -1, 'teredo0');
  decodeIpv6(f, p, end);
}

registerUdpPort(TEREDO_PORT, decodeTeredo);
