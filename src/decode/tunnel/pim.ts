/**
 * PIM Register (RFC 7761 section 4.9.3; IP protocol 103, PIMv2 type 1):
 * the 4-byte PIM header, 4 bytes of register flags (B, N), then the whole
 * multicast packet being registered, IPv4 or IPv6 by its version nibble, as
 * packet-pim.c hands it on. The inner packet is a layer of its own on the
 * virtual interface `pimreg` (Linux's register vif). Other PIM messages
 * carry no packet.
 */
import { enterTunnel, push, short } from '../frame.ts';
import { decodeIpv4 } from '../ip/ipv4.ts';
import { decodeIpv6 } from '../ip/ipv6.ts';
import { registerIpProtocol } from '../registry.ts';
import { type DecodedFrame, K_PIM, TUN_PIM } from '../types.ts';
import { IF_PIMREG } from './names.ts';

export function decodePim(f: DecodedFrame, off: number, end: number): void {
  if (end - off < 1) return;
  if (f.buf[off] !== 0x21) return; // not a PIMv2 Register
  if (end - off < 9) return short(f, K_PIM, off, 9, end);
  if (!push(f, K_PIM, off)) return;
  const p = off + 8;
  const v = f.buf[p]! >> 4;
  if (v !== 4 && v !== 6) return;
  enterTunnel(f, TUN_PIM, -1, IF_PIMREG);
  if (v === 4) decodeIpv4(f, p, end);
  else decodeIpv6(f, p, end);
}

registerIpProtocol(103, decodePim);
