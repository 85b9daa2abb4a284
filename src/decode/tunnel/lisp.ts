/**
 * LISP data plane (RFC 9300, UDP 4341; packet-lisp-data.c): an 8-byte
 * header (flags, nonce or map-version, instance ID or locator-status bits),
 * then the endpoint's IP packet, IPv4 or IPv6 by its version nibble
 * (anything else is left undecoded, as tshark leaves it). Inner IP fires on
 * `ip.tun0`: LISP is IP in UDP.
 */
import { enterTunnel, push, short } from '../frame.ts';
import { decodeIpv4 } from '../ip/ipv4.ts';
import { decodeIpv6 } from '../ip/ipv6.ts';
import { registerUdpPort } from '../registry.ts';
import { type DecodedFrame, K_LISP, TUN_LISP } from '../types.ts';
import { IF_IPIP } from './names.ts';

export const LISP_DATA_PORT = 4341;
const LISP_HDR_LEN = 8;

export function decodeLispData(f: DecodedFrame, off: number, end: number): void {
  if (end - off < LISP_HDR_LEN) return short(f, K_LISP, off, LISP_HDR_LEN, end);
  if (!push(f, K_LISP, off)) return;
  const p = off + LISP_HDR_LEN;
  if (p >= end) return;
  const v = f.buf[p]! >> 4;
  if (v !== 4 && v !== 6) return;
  enterTunnel(f, TUN_LISP, -1, IF_IPIP);
  if (v === 4) decodeIpv4(f, p, end);
  else decodeIpv6(f, p, end);
}

registerUdpPort(LISP_DATA_PORT, decodeLispData);
