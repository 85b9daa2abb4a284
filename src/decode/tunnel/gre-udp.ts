/**
 * GRE in UDP (RFC 8086; UDP 4754, decoded by tshark by default): a GRE
 * header and its payload in a UDP datagram, as gre.ts decodes them; the
 * inner IP fires on `gre0`.
 */
import { registerUdpPort } from '../registry.ts';
import { decodeGreInUdp } from './gre.ts';

export const GRE_UDP_PORT = 4754;

registerUdpPort(GRE_UDP_PORT, decodeGreInUdp);
