/**
 * VXLAN (RFC 7348): 8 bytes (flags, reserved, 24-bit VNI, reserved), then an
 * Ethernet frame. On UDP 4789 (IANA) and 8472 (the Linux kernel's default,
 * as tcpdump and Linux tooling decode it; tshark needs
 * `-d udp.port==8472,vxlan` for it). Inner IP layers fire on `vxlan<VNI>`.
 */
import { u24 } from '../bytes.ts';
import { enterTunnel, push, short } from '../frame.ts';
import { decodeEthernet } from '../link/ethernet.ts';
import { registerUdpPort } from '../registry.ts';
import { type DecodedFrame, K_VXLAN, TUN_VXLAN } from '../types.ts';
import { vxlanName } from './names.ts';

export const VXLAN_PORT = 4789;
export const VXLAN_LINUX_PORT = 8472;

export function decodeVxlan(f: DecodedFrame, off: number, end: number): void {
  if (end - off < 8) return short(f, K_VXLAN, off, 8, end);
  if (!push(f, K_VXLAN, off)) return;
  const vni = u24(f.buf, off + 4);
  enterTunnel(f, TUN_VXLAN, vni, vxlanName(vni));
  decodeEthernet(f, off + 8, end);
}

registerUdpPort(VXLAN_PORT, decodeVxlan);
registerUdpPort(VXLAN_LINUX_PORT, decodeVxlan);
