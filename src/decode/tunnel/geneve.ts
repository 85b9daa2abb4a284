/**
 * GENEVE (RFC 8926, UDP 6081): version (2 bits) and option length (6 bits,
 * 4-byte words), flags, a protocol type (an ethertype: 0x6558 Ethernet,
 * 0x0800 IPv4, 0x86dd IPv6), 24-bit VNI, options. Inner IP fires on `geneve0`.
 */
import { u16, u24 } from '../bytes.ts';
import { enterTunnel, push, short } from '../frame.ts';
import { ethertypes, registerUdpPort } from '../registry.ts';
import { type DecodedFrame, K_GENEVE, TUN_GENEVE } from '../types.ts';
import { IF_GENEVE } from './names.ts';

export const GENEVE_PORT = 6081;

export function decodeGeneve(f: DecodedFrame, off: number, end: number): void {
  if (end - off < 8) return short(f, K_GENEVE, off, 8, end);
  const b = f.buf;
  if (b[off]! >> 6 !== 0) return; // unknown version
  const hl = 8 + ((b[off]! & 0x3f) << 2);
  if (end - off < hl) return short(f, K_GENEVE, off, hl, end);
  if (!push(f, K_GENEVE, off)) return;
  const next = ethertypes[u16(b, off + 2)];
  if (next === undefined) return;
  enterTunnel(f, TUN_GENEVE, u24(b, off + 4), IF_GENEVE);
  next(f, off + hl, end);
}

registerUdpPort(GENEVE_PORT, decodeGeneve);
