/**
 * AYIYA, "Anything In Anything" (SixXS tunnels, UDP 5072; packet-ayiya.c):
 * an 8-byte header — identity length (2^n bytes) and type, signature length
 * (n * 4 bytes) and hash method, authentication method and opcode, next
 * header, epoch — then the identity and signature. A "forward" message
 * (opcode 1) carries a packet of the next header's protocol; IPv4 and IPv6
 * are decoded, on `ip.tun0` (what the aiccu client tunnels is IP in IP).
 * Other opcodes (heartbeats, echo, MOTD) carry no packet.
 */
import { enterTunnel, push, short } from '../frame.ts';
import { decodeIpv4 } from '../ip/ipv4.ts';
import { decodeIpv6 } from '../ip/ipv6.ts';
import { registerUdpPort } from '../registry.ts';
import { type DecodedFrame, K_AYIYA, TUN_AYIYA } from '../types.ts';
import { IF_IPIP } from './names.ts';

export const AYIYA_PORT = 5072;
const OPCODE_FORWARD = 1;

export function decodeAyiya(f: DecodedFrame, off: number, end: number): void {
  if (end - off < 8) return short(f, K_AYIYA, off, 8, end);
  const b = f.buf;
  const hl = 8 + (1 << (b[off]! >> 4)) + (b[off + 1]! >> 4) * 4;
  if (end - off < hl) return short(f, K_AYIYA, off, hl, end);
  if (!push(f, K_AYIYA, off)) return;
  if ((b[off + 2]! & 0xf) !== OPCODE_FORWARD) return;
  const next = b[off + 3]!;
  if (next !== 4 && next !== 41) return;
  enterTunnel(f, TUN_AYIYA, -1, IF_IPIP);
  if (next === 4) decodeIpv4(f, off + hl, end);
  else decodeIpv6(f, off + hl, end);
}

registerUdpPort(AYIYA_PORT, decodeAyiya);
