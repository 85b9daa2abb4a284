/**
 * UDP-encapsulated ESP (RFC 3948, UDP 4500), as packet-ipsec.c's udpencap
 * reads it: a single 0xff byte is a NAT keepalive; four zero bytes (the
 * non-ESP marker) introduce IKE; anything else is ESP (SPI, sequence, then
 * opaque ciphertext). The IP layer's transport stays UDP; esp.natt is set.
 */
import { u32 } from '../bytes.ts';
import { currentIp, push } from '../frame.ts';
import { registerUdpPort } from '../registry.ts';
import { readEsp } from '../transport/esp.ts';
import { type DecodedFrame, K_NATT } from '../types.ts';

export const NATT_PORT = 4500;

export function decodeNatt(f: DecodedFrame, off: number, end: number): void {
  const l = currentIp(f);
  if (l === null || off >= end) return;
  const b = f.buf;
  if (end - off === 1 && b[off] === 0xff) {
    push(f, K_NATT, off); // keepalive
    return;
  }
  if (end - off >= 4 && u32(b, off) === 0) {
    push(f, K_NATT, off); // non-ESP marker: IKE follows
    return;
  }
  if (readEsp(f, l, off, end)) {
    l.esp.natt = true;
    if (f.ipsec !== null && !l.fragment) f.ipsec.open(f, l, off, end);
  }
}

registerUdpPort(NATT_PORT, decodeNatt);
