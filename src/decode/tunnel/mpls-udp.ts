/**
 * MPLS over UDP (RFC 7510, UDP 6635, decoded by tshark by default): the UDP
 * payload is an MPLS label stack and what follows it (mpls.ts). Inner IP
 * fires on `bareudp0`, as Linux's bareudp device names such a tunnel.
 * (MPLS inside GRE is GRE protocol 0x8847 and stays on `gre0`.)
 */
import { enterTunnel } from '../frame.ts';
import { decodeMpls } from '../link/mpls.ts';
import { registerUdpPort } from '../registry.ts';
import { type DecodedFrame, TUN_MPLS_UDP } from '../types.ts';
import { IF_BAREUDP } from './names.ts';

export const MPLS_UDP_PORT = 6635;

export function decodeMplsUdp(f: DecodedFrame, off: number, end: number): void {
  enterTunnel(f, TUN_MPLS_UDP, -1, IF_BAREUDP);
  decodeMpls(f, off, end);
}

registerUdpPort(MPLS_UDP_PORT, decodeMplsUdp);
