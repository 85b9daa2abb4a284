/**
 * Ethernet carried directly in IP: protocol 97, EtherIP (RFC 3378: a 2-byte
 * header, version 3 in its top nibble, then the frame), and protocol 143,
 * Ethernet (RFC 8986, SRv6 End.DX2/End.DT2 traffic: the frame right after
 * the IP header). Inner IP fires on `ip.tun0`, like the other IP-protocol
 * tunnels.
 */
import { enterTunnel, push, short } from '../frame.ts';
import { decodeEthernet } from '../link/ethernet.ts';
import { registerIpProtocol } from '../registry.ts';
import { type DecodedFrame, K_ETHERIP, TUN_ETHERIP } from '../types.ts';
import { IF_IPIP } from './names.ts';

export function decodeEtherIp(f: DecodedFrame, off: number, end: number): void {
  if (end - off < 2) return short(f, K_ETHERIP, off, 2, end);
  // RFC 3378 says version 3; packet-etherip.c warns about another but decodes the frame all the
  // same, and so do we.
  if (!push(f, K_ETHERIP, off)) return;
  enterTunnel(f, TUN_ETHERIP, -1, IF_IPIP);
  decodeEthernet(f, off + 2, end);
}

export function decodeEthernetInIp(f: DecodedFrame, off: number, end: number): void {
  enterTunnel(f, TUN_ETHERIP, -1, IF_IPIP);
  decodeEthernet(f, off, end);
}

registerIpProtocol(97, decodeEtherIp);
registerIpProtocol(143, decodeEthernetInIp);
