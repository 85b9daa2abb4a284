/**
 * Dissector tables: the next decoder is chosen by a number read from the
 * carrier (ethertype, PPP protocol, IP protocol, UDP port, link type), as
 * gopacket and Wireshark do. A decoder registers itself into its carrier's
 * table from its own file (see index.ts, which imports them all), so adding a
 * tunnel never edits the carrier.
 *
 * Tables are plain arrays indexed by the number (a sparse JS array is a hash
 * table; a dense one is an indexed load): lookups cost one load per layer.
 */
import type { DecodedFrame } from './types.ts';

/**
 * Decodes the header at buf[off..end) and whatever follows it. `end` is the
 * end of the bytes this layer may use: the capture end, or less when an outer
 * header's length field bounds it (IP total length, UDP length, ...).
 */
export type LayerDecoder = (f: DecodedFrame, off: number, end: number) => void;

function table(size: number): (LayerDecoder | undefined)[] {
  return new Array<LayerDecoder | undefined>(size).fill(undefined);
}

/** Ethertype (also GRE protocol type, GENEVE protocol type, SLL protocol). */
export const ethertypes = table(0x10000);
/**
 * GRE protocol types that are not ethertypes (Aruba's 802.11 in GRE): GRE
 * looks here first, then in `ethertypes`, so an Ethernet frame never takes them.
 */
export const greProtocols: (LayerDecoder | undefined)[] = [];
/** PPP protocol numbers (after address/control). */
export const pppProtocols = table(0x10000);
/** IP protocol / IPv6 next header (upper layers; extension headers are walked by ipv6.ts). */
export const ipProtocols = table(256);
/** UDP ports (tried lower port first, then higher, as Wireshark's packet-udp.c does). */
export const udpPorts = table(0x10000);
/** LINKTYPE_* -> first decoder. Sparse. */
export const linkTypes: (LayerDecoder | undefined)[] = [];

export function registerEthertype(type: number, d: LayerDecoder): void { ethertypes[type] = d; }
export function registerGreProtocol(type: number, d: LayerDecoder): void { greProtocols[type] = d; }
export function registerPppProtocol(proto: number, d: LayerDecoder): void { pppProtocols[proto] = d; }
export function registerIpProtocol(proto: number, d: LayerDecoder): void { ipProtocols[proto] = d; }
export function registerUdpPort(port: number, d: LayerDecoder): void { udpPorts[port] = d; }
export function registerLinkType(linkType: number, d: LayerDecoder): void { linkTypes[linkType] = d; }
