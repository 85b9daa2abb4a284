/**
 * L2TPv2 data messages over UDP 1701 (RFC 2661): flags and version, optional
 * length, tunnel and session ids, optional Ns/Nr, optional offset padding,
 * then a PPP frame (decoded by ppp.ts, usually with address/control FF 03).
 * Control messages (T bit) carry no user data. Inner IP fires on `l2tp0`.
 */
import { u16 } from '../bytes.ts';
import { enterTunnel, push, short } from '../frame.ts';
import { decodePpp } from '../link/ppp.ts';
import { registerUdpPort } from '../registry.ts';
import { type DecodedFrame, K_L2TP, TUN_L2TP } from '../types.ts';

export const L2TP_PORT = 1701;

export function decodeL2tp(f: DecodedFrame, off: number, end: number): void {
  if (end - off < 6) return short(f, K_L2TP, off, 6, end);
  const b = f.buf;
  const fv = u16(b, off);
  if ((fv & 0xf) !== 2 || (fv & 0x8000)) return; // not v2, or a control message
  let p = off + 2;
  if (fv & 0x4000) p += 2; // length
  p += 4; // tunnel id, session id
  if (fv & 0x0800) p += 4; // Ns, Nr
  if (fv & 0x0200) {
    if (end - p < 2) return short(f, K_L2TP, off, p - off + 2, end);
    p += 2 + u16(b, p);
  }
  if (end - p < 1) return short(f, K_L2TP, off, p - off + 1, end);
  if (!push(f, K_L2TP, off)) return;
  enterTunnel(f, TUN_L2TP, -1, 'l2tp0');
  decodePpp(f, p, end);
}

registerUdpPort(L2TP_PORT, decodeL2tp);
