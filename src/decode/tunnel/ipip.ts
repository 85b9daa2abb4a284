/**
 * IP in IP: protocol 4 (IPv4 or, per packet-ip.c, any version) and 41
 * (IPv6: 6in4, 6in6, 6to4, ISATAP). The inner packet is a layer of its own
 * on the virtual interface `ip.tun0`.
 */
import { enterTunnel } from '../frame.ts';
import { decodeIpv4 } from '../ip/ipv4.ts';
import { decodeIpv6 } from '../ip/ipv6.ts';
import { registerIpProtocol } from '../registry.ts';
import { type DecodedFrame, TUN_IPIP } from '../types.ts';
import { IF_IPIP } from './names.ts';

registerIpProtocol(4, (f: DecodedFrame, off: number, end: number) => {
  enterTunnel(f, TUN_IPIP, -1, IF_IPIP);
  decodeIpv4(f, off, end);
});

registerIpProtocol(41, (f: DecodedFrame, off: number, end: number) => {
  enterTunnel(f, TUN_IPIP, -1, IF_IPIP);
  decodeIpv6(f, off, end);
});
