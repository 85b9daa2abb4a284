/**
 * VXLAN-GPE (UDP 4790, draft-ietf-nvo3-vxlan-gpe; packet-vxlan.c): flags,
 * 2 reserved bytes, the next protocol, 24-bit VNI, a reserved byte; then
 * what the next protocol names (NSH's table: IPv4, IPv6, Ethernet, NSH,
 * MPLS). Inner IP fires on `vxlan<VNI>`, as plain VXLAN's does.
 */
import { u24 } from '../bytes.ts';
import { enterTunnel, push, short } from '../frame.ts';
import { nshNextProtocol } from '../link/nsh.ts';
import { registerUdpPort } from '../registry.ts';
import { type DecodedFrame, K_VXLAN_GPE, TUN_VXLAN } from '../types.ts';
import { vxlanName } from './names.ts';

export const VXLAN_GPE_PORT = 4790;

export function decodeVxlanGpe(f: DecodedFrame, off: number, end: number): void {
  if (end - off < 8) return short(f, K_VXLAN_GPE, off, 8, end);
  if (!push(f, K_VXLAN_GPE, off)) return;
  const vni = u24(f.buf, off + 4);
  enterTunnel(f, TUN_VXLAN, vni, vxlanName(vni));
  nshNextProtocol(f, f.buf[off + 3]!, off + 8, end);
}

registerUdpPort(VXLAN_GPE_PORT, decodeVxlanGpe);
