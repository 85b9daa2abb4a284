/**
 * The translated argument objects (pktinfo_t, csinfo_t, ipinfo_t, ifinfo_t,
 * ipv4info_t, ipv6info_t, udpinfo_t, udpsinfo_t, tcpinfo_t, tcplsinfo_t) as the
 * D runtime reads them: one object per argument slot, allocated once per run
 * and refilled before each firing; property names are the D member names
 * (src/d/types/builtins.ts). Values follow illumos' translators in ip.d.in,
 * tcp.d.in and udp.d.in, with these exact choices:
 *
 *  - ipv4_flags = the 16-bit flags/offset word >> 12 and ipv4_offset = word &
 *    0x0fff, as ip.d.in computes them (so DF reads as 4, MF as 2);
 *  - ipv4_src/ipv4_dst are ipaddr_t values as an x86 load of the header's
 *    bytes gives them (network byte order in memory, read little-endian);
 *  - ipv6_tclass/ipv6_flow are the traffic class and the 20-bit flow label
 *    (ip.d.in's `&&` typo would make them 0 and 1; we give the intended values);
 *  - raw pointers (ipv4_hdr, ipv6_hdr, ipv6_src/dst, tcp_hdr, udp_hdr) are
 *    addresses in the packet's bytes: memBase + (offset in the packet);
 *  - if_addr, cs_addr, tcps_addr, udps_addr are 0 (no kernel objects exist);
 *    pkt_addr is the 1-based frame number; cs_cid the connection (flow) id.
 *
 * Strings come from constant tables (protocol names) or, for addresses,
 * from getters over the decoder's per-frame cache: an address is formatted
 * only when a clause reads it, once per frame; filling allocates nothing.
 */
import { byteString } from './bytestr.ts';
import type { DecodedFrame, IpLayer } from '../decode/index.ts';
import { dstText, srcText } from './addrcache.ts';

export class PktInfo { pkt_addr = 0; }
/** Where csinfo_t's cs_cid comes from when it is computed only on demand (NetProviders' flow key). */
export interface FlowKeySource { flowKey(): number }
/** cs_cid is a getter: the flow table is consulted only when a clause reads it (or tid, or TCP needs it). */
export class CsInfo {
  cs_addr = 0; cs_pid = 0; cs_zoneid = 0;
  /** The value when set directly; else `src` gives it. */
  cid = 0;
  src: FlowKeySource | null = null;
  get cs_cid(): number { return this.src !== null ? this.src.flowKey() : this.cid; }
  set cs_cid(v: number) { this.src = null; this.cid = v; }
}
/** Address members are getters: the text is formatted (once per frame, by the decoder) only if a clause reads it. */
export class IpInfo {
  ip_ver = 0;
  ip_plength = 0;
  f: DecodedFrame | null = null;
  l: IpLayer | null = null;
  get ip_saddr(): string { return srcText(this.f!, this.l!); }
  get ip_daddr(): string { return dstText(this.f!, this.l!); }
}
export class IfInfo {
  if_name = ''; if_local = 0; if_ipstack = 0; if_addr = 0; ill_name = '';
  /** @internal The interface name if_name was converted from (names are converted once, not per firing). */
  src = '';
}
export class Ipv4Info {
  ipv4_ver = 0; ipv4_ihl = 0; ipv4_tos = 0; ipv4_length = 0; ipv4_ident = 0; ipv4_flags = 0; ipv4_offset = 0;
  ipv4_ttl = 0; ipv4_protocol = 0; ipv4_protostr = ''; ipv4_checksum = 0; ipv4_src = 0; ipv4_dst = 0; ipv4_hdr = 0;
  f: DecodedFrame | null = null;
  l: IpLayer | null = null;
  get ipv4_saddr(): string { return srcText(this.f!, this.l!); }
  get ipv4_daddr(): string { return dstText(this.f!, this.l!); }
}
export class Ipv6Info {
  ipv6_ver = 0; ipv6_tclass = 0; ipv6_flow = 0; ipv6_plen = 0; ipv6_nexthdr = 0; ipv6_nextstr = ''; ipv6_hlim = 0;
  ipv6_src = 0; ipv6_dst = 0; ipv6_hdr = 0; ipv6_next = 0;
  f: DecodedFrame | null = null;
  l: IpLayer | null = null;
  get ipv6_saddr(): string { return srcText(this.f!, this.l!); }
  get ipv6_daddr(): string { return dstText(this.f!, this.l!); }
}
export class TcpInfoArg {
  tcp_sport = 0; tcp_dport = 0; tcp_seq = 0; tcp_ack = 0; tcp_offset = 0; tcp_flags = 0; tcp_window = 0;
  tcp_checksum = 0; tcp_urgent = 0; tcp_hdr = 0;
}
export class TcpLsInfo { tcps_state = 0; }
export class UdpInfoArg { udp_sport = 0; udp_dport = 0; udp_length = 0; udp_checksum = 0; udp_hdr = 0; }
export class UdpsInfo { udps_addr = 0; udps_lport = 0; udps_rport = 0; udps_laddr = ''; udps_raddr = ''; }

/** ip.d.in's protocol strings (ipv4_protostr / ipv6_nextstr); others are lltostr(n). */
export const PROTO_STR: readonly string[] = Array.from({ length: 256 }, (_, i) => {
  switch (i) {
    case 6: return 'TCP';
    case 17: return 'UDP';
    case 0: return 'IP';
    case 1: return 'ICMP';
    case 2: return 'IGMP';
    case 8: return 'EGP';
    case 41: return 'IPv6';
    case 43: return 'ROUTE';
    case 50: return 'ESP';
    case 51: return 'AH';
    case 58: return 'ICMPv6';
    case 89: return 'OSPF';
    case 132: return 'SCTP';
    case 255: return 'RAW';
    default: return String(i);
  }
});

/** A 4-byte little-endian load (what `*(ipaddr_t *)p` gives on x86-64). */
export function loadLe32(b: Uint8Array, o: number): number {
  return (b[o]! | (b[o + 1]! << 8) | (b[o + 2]! << 16) | (b[o + 3]! << 24)) >>> 0;
}

/** Fills ipinfo_t from a layer (ip_plength as an unsigned 32-bit value, as the translator's arithmetic wraps). */
export function fillIpInfo(o: IpInfo, f: DecodedFrame, l: IpLayer): void {
  o.ip_ver = l.version;
  o.ip_plength = l.plength >>> 0;
  o.f = f;
  o.l = l;
}

/** Fills ipv4info_t; `base` is the D address of the packet's first byte. */
export function fillIpv4Info(o: Ipv4Info, f: DecodedFrame, l: IpLayer, base: number): void {
  const b = f.buf;
  o.ipv4_ver = 4;
  o.ipv4_ihl = l.ihl;
  o.ipv4_tos = l.tos;
  o.ipv4_length = l.totalLength;
  o.ipv4_ident = l.ident;
  o.ipv4_flags = (l.flagsFrag >>> 12) & 0xff;
  o.ipv4_offset = l.flagsFrag & 0x0fff;
  o.ipv4_ttl = l.ttl;
  o.ipv4_protocol = l.protocol;
  o.ipv4_protostr = PROTO_STR[l.protocol]!;
  o.ipv4_checksum = l.checksum;
  o.ipv4_src = loadLe32(b, l.srcOff);
  o.ipv4_dst = loadLe32(b, l.dstOff);
  o.f = f;
  o.l = l;
  o.ipv4_hdr = base + (l.off - f.start);
}

export function fillIpv6Info(o: Ipv6Info, f: DecodedFrame, l: IpLayer, base: number): void {
  o.ipv6_ver = 6;
  o.ipv6_tclass = l.tclass;
  o.ipv6_flow = l.flow;
  o.ipv6_plen = l.plen;
  o.ipv6_nexthdr = l.nextHeader;
  o.ipv6_next = l.nextHeader;
  o.ipv6_nextstr = PROTO_STR[l.nextHeader]!;
  o.ipv6_hlim = l.hopLimit;
  o.ipv6_src = base + (l.srcOff - f.start);
  o.ipv6_dst = base + (l.dstOff - f.start);
  o.f = f;
  o.l = l;
  o.ipv6_hdr = base + (l.off - f.start);
}

export function fillIfInfo(o: IfInfo, name: string, local: boolean): void {
  if (name !== o.src) { o.src = name; o.if_name = o.ill_name = byteString(name); }
  o.if_local = local ? 1 : 0;
}

/** tcpinfo_t from the layer's TCP header (tcp_offset in bytes, as tcp.d.in's `>> 2` gives). */
export function fillTcpInfo(o: TcpInfoArg, f: DecodedFrame, l: IpLayer, base: number): void {
  const t = l.tcp;
  o.tcp_sport = t.srcPort;
  o.tcp_dport = t.dstPort;
  o.tcp_seq = t.seq;
  o.tcp_ack = t.ack;
  o.tcp_offset = t.hdrLen;
  o.tcp_flags = t.flags & 0xff;
  o.tcp_window = t.window;
  o.tcp_checksum = t.checksum;
  o.tcp_urgent = t.urgent;
  o.tcp_hdr = base + (l.l4Off - f.start);
}

export function fillUdpInfo(o: UdpInfoArg, f: DecodedFrame, l: IpLayer, base: number): void {
  const u = l.udp;
  o.udp_sport = u.srcPort;
  o.udp_dport = u.dstPort;
  o.udp_length = u.length;
  o.udp_checksum = u.checksum;
  o.udp_hdr = base + (l.l4Off - f.start);
}
