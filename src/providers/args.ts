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
  /**
   * @internal Names seen lately and their D byte strings: a frame's layers
   * alternate between interfaces (eth0, then ip.tun0 …), and converting
   * tests each name with a regular expression, so a few are remembered.
   */
  readonly seen: string[] = ['', '', '', ''];
  readonly conv: string[] = ['', '', '', ''];
  next = 0;
}
/**
 * ipv4info_t / ipv6info_t: only the version (which a malformed header's drop-in
 * overrides with the header's own nibble) is stored per layer; every other
 * member is a getter over the layer's bytes, so a firing pays only for the
 * members its clauses read (the values are those the eager fill gave: the
 * layer and its bytes do not change within the firing).
 */
export class Ipv4Info {
  ipv4_ver = 0;
  f: DecodedFrame | null = null;
  l: IpLayer | null = null;
  /** The D address of the packet's first byte. */
  base = 0;
  get ipv4_ihl(): number { return this.l!.ihl; }
  get ipv4_tos(): number { return this.l!.tos; }
  get ipv4_length(): number { return this.l!.totalLength; }
  get ipv4_ident(): number { return this.l!.ident; }
  get ipv4_flags(): number { return (this.l!.flagsFrag >>> 12) & 0xff; }
  get ipv4_offset(): number { return this.l!.flagsFrag & 0x0fff; }
  get ipv4_ttl(): number { return this.l!.ttl; }
  get ipv4_protocol(): number { return this.l!.protocol; }
  get ipv4_protostr(): string { return PROTO_STR[this.l!.protocol]!; }
  get ipv4_checksum(): number { return this.l!.checksum; }
  get ipv4_src(): number { return loadLe32(this.f!.buf, this.l!.srcOff); }
  get ipv4_dst(): number { return loadLe32(this.f!.buf, this.l!.dstOff); }
  get ipv4_hdr(): number { return this.base + (this.l!.off - this.f!.start); }
  get ipv4_saddr(): string { return srcText(this.f!, this.l!); }
  get ipv4_daddr(): string { return dstText(this.f!, this.l!); }
}
export class Ipv6Info {
  ipv6_ver = 0;
  f: DecodedFrame | null = null;
  l: IpLayer | null = null;
  base = 0;
  get ipv6_tclass(): number { return this.l!.tclass; }
  get ipv6_flow(): number { return this.l!.flow; }
  get ipv6_plen(): number { return this.l!.plen; }
  get ipv6_nexthdr(): number { return this.l!.nextHeader; }
  get ipv6_next(): number { return this.l!.nextHeader; }
  get ipv6_nextstr(): string { return PROTO_STR[this.l!.nextHeader]!; }
  get ipv6_hlim(): number { return this.l!.hopLimit; }
  get ipv6_src(): number { return this.base + (this.l!.srcOff - this.f!.start); }
  get ipv6_dst(): number { return this.base + (this.l!.dstOff - this.f!.start); }
  get ipv6_hdr(): number { return this.base + (this.l!.off - this.f!.start); }
  get ipv6_saddr(): string { return srcText(this.f!, this.l!); }
  get ipv6_daddr(): string { return dstText(this.f!, this.l!); }
}
export class TcpInfoArg {
  tcp_sport = 0; tcp_dport = 0; tcp_seq = 0; tcp_ack = 0; tcp_offset = 0; tcp_flags = 0; tcp_window = 0;
  tcp_checksum = 0; tcp_urgent = 0; tcp_hdr = 0;
}
export class TcpLsInfo { tcps_state = 0; }
export class UdpInfoArg { udp_sport = 0; udp_dport = 0; udp_length = 0; udp_checksum = 0; udp_hdr = 0; }
/** The local/remote address texts are getters, as ipinfo_t's: formatted only when read (`out`: the layer is being sent). */
export class UdpsInfo {
  udps_addr = 0; udps_lport = 0; udps_rport = 0;
  f: DecodedFrame | null = null;
  l: IpLayer | null = null;
  out = false;
  get udps_laddr(): string { return this.out ? srcText(this.f!, this.l!) : dstText(this.f!, this.l!); }
  get udps_raddr(): string { return this.out ? dstText(this.f!, this.l!) : srcText(this.f!, this.l!); }
}

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

/** Fills ipv4info_t (its getters read the layer); `base` is the D address of the packet's first byte. */
export function fillIpv4Info(o: Ipv4Info, f: DecodedFrame, l: IpLayer, base: number): void {
  o.ipv4_ver = 4;
  o.f = f;
  o.l = l;
  o.base = base;
}

export function fillIpv6Info(o: Ipv6Info, f: DecodedFrame, l: IpLayer, base: number): void {
  o.ipv6_ver = 6;
  o.f = f;
  o.l = l;
  o.base = base;
}

export function fillIfInfo(o: IfInfo, name: string, local: boolean): void {
  if (name !== o.src) {
    o.src = name;
    const seen = o.seen;
    let i = 0;
    while (i < 4 && seen[i] !== name) i++;
    if (i === 4) {
      i = o.next;
      o.next = (i + 1) & 3;
      seen[i] = name;
      o.conv[i] = byteString(name);
    }
    o.if_name = o.ill_name = o.conv[i]!;
  }
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
