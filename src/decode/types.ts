/**
 * The decoded-frame contract: what src/decode produces and src/providers and
 * the D engine read.
 *
 * One `DecodedFrame` is allocated per decoder and reused for every packet:
 * `reset()` clears it, the decoders fill it in place, and every number in it
 * is either a plain field value or a byte offset into `buf` (the capture
 * reader's chunk — nothing is copied). Strings (addresses, interface names)
 * are produced lazily on first request and cached until the next frame.
 *
 * Shape of a frame:
 *   - `path`: every header in wire order (Ethernet, VLAN, IPv4, UDP, VXLAN,
 *     Ethernet, IPv6, TCP, ...) as (kind, offset) pairs: what stack() prints.
 *   - `ip[0 .. ipCount)`: one IpLayer per IP header that is a packet of its
 *     own (depth 0 is the outermost; tunnels add inner layers). Each fires
 *     ip:::send/receive once. IP headers quoted inside ICMP errors are NOT
 *     layers: they live in the ICMP message (IcmpInfo.quoted).
 *   - each IpLayer carries its transport header (tcp/udp/icmp/sctp/esp/ah/gre)
 *     in preallocated sub-objects, valid when `layer.l4 === L4_xxx`.
 *   - `malformed`: where and why decoding stopped (reason 0: none). Everything
 *     before that point stays valid and usable.
 *
 * Offsets are absolute indexes into `buf` (so `buf[layer.off]` is the first
 * byte of the IP header); `start` is where the packet begins.
 *
 * Virtual interface names for decapsulated layers (DESIGN.md "Interface name"):
 *   IP-in-IP (proto 4) and 6in4/IPv6-in-anything (proto 41)  -> `ip.tun0`
 *   GRE (proto 47, any payload incl. transparent Ethernet bridging) -> `gre0`
 *   VXLAN (UDP 4789)                                          -> `vxlan<VNI>`, e.g. `vxlan42`
 *   GENEVE (UDP 6081)                                         -> `geneve0`
 *   GTP-U (UDP 2152)                                          -> `gtp0`
 *   Teredo (UDP 3544)                                         -> `teredo0`
 *   L2TPv2 (UDP 1701, PPP inside)                             -> `l2tp0`
 *   ERSPAN (GRE 0x88be / 0x22eb, mirrored Ethernet)           -> `gre0`
 *   VXLAN on UDP 8472 (Linux's default) and VXLAN-GPE (4790)  -> `vxlan<VNI>`
 *   PIM Register (IP protocol 103, type 1)                    -> `pimreg`
 *   MPLS over UDP (6635)                                      -> `bareudp0`
 *   Ethernet in IP (EtherIP 97, Ethernet 143)                 -> `ip.tun0`
 * Depth 0 uses the capture interface: pcapng if_name, else a default per link
 * type (see defaultInterfaceName in iface.ts).
 */

import { onesSum, u16, u24, u32 } from './bytes.ts';

const EMPTY = new Uint8Array(0);

/** Maximum IP layers per frame (outer + tunnelled); deeper nesting is marked TOO_DEEP. */
export const MAX_IP_LAYERS = 8;
/** Maximum entries in the layer path; further headers are marked TOO_DEEP. */
export const MAX_PATH = 48;
/** Maximum SACK blocks a TCP option can carry (RFC 2018: 4 fit in 40 option bytes). */
export const MAX_SACK_BLOCKS = 4;

// ---------------------------------------------------------------------------
// Layer kinds (the path; stack() names). Plain numbers, not enums, so they
// inline and cross module boundaries under isolatedModules.
export const K_NONE = 0;
export const K_ETHERNET = 1;
export const K_LLC = 2;
export const K_SNAP = 3;
export const K_VLAN = 4; // 802.1Q (0x8100)
export const K_QINQ = 5; // 802.1ad S-tag (0x88a8, also 0x9100)
export const K_MPLS = 6; // one label stack entry
export const K_PPPOE = 7;
export const K_PPP = 8;
export const K_SLL = 9;
export const K_SLL2 = 10;
export const K_NULL = 11; // BSD loopback (DLT_NULL / LOOP)
export const K_RAW = 12;
export const K_IPV4 = 13;
export const K_IPV6 = 14;
export const K_IPV6_HOPOPTS = 15;
export const K_IPV6_ROUTING = 16;
export const K_IPV6_FRAGMENT = 17;
export const K_IPV6_DSTOPTS = 18;
export const K_AH = 19;
export const K_ESP = 20;
export const K_TCP = 21;
export const K_UDP = 22;
export const K_ICMP = 23;
export const K_ICMPV6 = 24;
export const K_SCTP = 25;
export const K_GRE = 26;
export const K_VXLAN = 27;
export const K_GENEVE = 28;
export const K_GTPU = 29;
export const K_NATT = 30; // UDP-encapsulated ESP marker / keepalive (RFC 3948)
export const K_PPP_HDLC = 31;
export const K_IGMP = 32;
export const K_LOOP = 33; // OpenBSD DLT_LOOP (network byte order AF)
export const K_IEEE80211 = 34;
export const K_RADIOTAP = 35;
export const K_PPI = 36;
export const K_NFLOG = 37;
export const K_PFLOG = 38;
export const K_TEREDO = 39;
export const K_L2TP = 40;
export const K_ERSPAN = 41;
export const K_PBB = 42; // 802.1ah I-TAG (MAC-in-MAC)
export const K_ETAG = 43; // VN-Tag (0x8926) / 802.1BR E-Tag (0x893f)
export const K_PKTAP = 44; // Apple PKTAP header (LINKTYPE 258)
export const K_FRELAY = 45; // Frame Relay Q.922 address + control / NLPID (LINKTYPE 107)
export const K_IPOIB = 46; // IP over InfiniBand (LINKTYPE 242)
export const K_ARCNET = 47; // ARCNET (LINKTYPE 7, 129)
export const K_ARISTA = 48; // Arista timestamp header (0xd28b)
export const K_MACSEC = 49; // 802.1AE SecTAG (0x88e5)
export const K_NSH = 50; // Network Service Header (0x894f, VXLAN-GPE next protocol 4)
export const K_PIM = 51; // PIM Register (IP protocol 103, type 1)
export const K_VXLAN_GPE = 52; // VXLAN-GPE (UDP 4790)
export const K_CMD = 53; // Cisco MetaData (0x8909)
export const K_ETHERIP = 54; // EtherIP (IP protocol 97)
export const K_WCCP = 55; // WCCPv2 redirect header inside GRE 0x883e
export const K_FDDI = 56; // FDDI MAC header (LINKTYPE 10)
export const K_AYIYA = 57; // AYIYA header (UDP 5072)
export const K_FABRICPATH = 58; // Cisco FabricPath (0x8903) FTag/TTL before the inner frame
export const K_LISP = 59; // LISP data header (UDP 4341)

/** Display names for stack(), indexed by kind. */
export const KIND_NAMES: readonly string[] = [
  '-', 'Ethernet', 'LLC', 'SNAP', 'VLAN', '802.1ad', 'MPLS', 'PPPoE', 'PPP', 'SLL', 'SLL2', 'Null',
  'Raw', 'IPv4', 'IPv6', 'IPv6 hop-by-hop', 'IPv6 routing', 'IPv6 fragment', 'IPv6 destination options',
  'AH', 'ESP', 'TCP', 'UDP', 'ICMP', 'ICMPv6', 'SCTP', 'GRE', 'VXLAN', 'GENEVE', 'GTP-U', 'NAT-T', 'PPP-HDLC',
  'IGMP', 'Loop', '802.11', 'Radiotap', 'PPI', 'NFLOG', 'PFLOG', 'Teredo', 'L2TP', 'ERSPAN', '802.1ah', 'E-Tag',
  'PKTAP', 'Frame Relay', 'IPoIB', 'ARCNET', 'Arista timestamp', 'MACsec', 'NSH', 'PIM Register', 'VXLAN-GPE',
  'Cisco MetaData', 'EtherIP', 'WCCP', 'FDDI', 'AYIYA', 'FabricPath', 'LISP',
];

// ---------------------------------------------------------------------------
// Transport kinds carried by an IP layer (IpLayer.l4).
export const L4_NONE = 0; // no transport decoded (unknown protocol, non-first fragment, truncated)
export const L4_TCP = 1;
export const L4_UDP = 2;
export const L4_ICMP = 3;
export const L4_ICMPV6 = 4;
export const L4_SCTP = 5;
export const L4_ESP = 6; // also NAT-T (UDP 4500): l4 stays L4_UDP and esp.natt is set; see EspInfo
export const L4_AH = 7; // IPv4 AH (in IPv6, AH is walked as an extension header and ah is filled too)
export const L4_GRE = 8;
export const L4_IGMP = 9;

// ---------------------------------------------------------------------------
// Tunnel kinds: how an inner IP layer was carried (IpLayer.tunnel).
export const TUN_NONE = 0;
export const TUN_IPIP = 1; // IP protocol 4 or 41 (IP-in-IP, 6in4, 4in6, 6in6)
export const TUN_GRE = 2;
export const TUN_VXLAN = 3;
export const TUN_GENEVE = 4;
export const TUN_GTPU = 5;
export const TUN_TEREDO = 6; // IPv6 in UDP 3544 (RFC 4380)
export const TUN_L2TP = 7; // L2TPv2 over UDP 1701, PPP inside
export const TUN_PIM = 8; // PIM Register (the registered packet, on `pimreg`)
export const TUN_MPLS_UDP = 9; // MPLS over UDP 6635 (RFC 7510), on `bareudp0`
export const TUN_ETHERIP = 10; // Ethernet in IP (protocol 97 EtherIP, 143 Ethernet), on `ip.tun0`
export const TUN_AYIYA = 11; // AYIYA (UDP 5072) carrying IPv4/IPv6, on `ip.tun0`
export const TUN_LISP = 12; // LISP data (UDP 4341) carrying IPv4/IPv6, on `ip.tun0`
export const TUN_ESP = 13; // IPsec ESP in tunnel mode, decrypted with a key (src/decode/ipsec); tunnelKey = SPI
export const TUNNEL_NAMES: readonly string[] = [
  '', 'ipip', 'gre', 'vxlan', 'geneve', 'gtpu', 'teredo', 'l2tp', 'pim', 'mplsudp', 'etherip', 'ayiya', 'lisp', 'esp',
];

// ---------------------------------------------------------------------------
// Malformation reasons (DecodedFrame.malReason).
export const M_NONE = 0;
export const M_TRUNCATED = 1; // header cut by the snap length / capture
export const M_BAD_VERSION = 2; // IP version nibble not 4/6 where IP was expected
export const M_BAD_HEADER_LENGTH = 3; // IHL < 5, TCP data offset < 5, ext header past the end...
export const M_BAD_TOTAL_LENGTH = 4; // IP length smaller than its header
export const M_TOO_DEEP = 5; // more than MAX_IP_LAYERS / MAX_PATH
export const M_BAD_LENGTH = 6; // a length field (UDP length, GRE, option) impossible
export const M_UNSUPPORTED = 7; // reserved: something recognised but not decoded
export const M_INTERNAL = 8; // a decoder threw (a bug): the frame is kept as far as it got
export const M_ENCRYPTED = 9; // the payload is encrypted (MACsec confidentiality): nothing inside can be read
export const REASON_NAMES: readonly string[] = [
  'none', 'truncated', 'bad IP version', 'bad header length', 'bad total length', 'too many nested layers',
  'bad length field', 'unsupported', 'internal decoder error', 'encrypted',
];

// Direction (re-exported values of capture/types.ts Direction).
export const DIR_UNKNOWN = 0;
export const DIR_IN = 1;
export const DIR_OUT = 2;

// ---------------------------------------------------------------------------

export class TcpInfo {
  srcPort = 0;
  dstPort = 0;
  /** The packet bytes and the header's absolute offset: the fields below are views of them (see IpLayer). */
  buf: Uint8Array = EMPTY;
  off = 0;
  /** Unsigned 32-bit. */
  get seq(): number { return u32(this.buf, this.off + 4); }
  get ack(): number { return u32(this.buf, this.off + 8); }
  /** Header length in bytes (data offset * 4). */
  hdrLen = 0;
  /** The 8 flag bits (CWR ECE URG ACK PSH RST SYN FIN) plus NS as 0x100. */
  get flags(): number { return this.buf[this.off + 13]! | ((this.buf[this.off + 12]! & 1) << 8); }
  get window(): number { return u16(this.buf, this.off + 14); }
  get checksum(): number { return u16(this.buf, this.off + 16); }
  get urgent(): number { return u16(this.buf, this.off + 18); }
  /** Payload bytes per the IP length (may exceed what was captured). */
  payloadLen = 0;
  /** Absolute offset of the options and their length in bytes (0 when none). */
  optOff = 0;
  optLen = 0;

  // Options, parsed on first request (tcpOptions() in transport/tcp.ts fills these).
  optsParsed = false;
  /** -1 when absent. */
  mss = -1;
  wscale = -1;
  sackPermitted = false;
  sackCount = 0;
  /** Left/right edges, unsigned 32-bit, 2 per block. */
  readonly sack = new Float64Array(MAX_SACK_BLOCKS * 2);
  hasTimestamp = false;
  tsVal = 0;
  tsEcr = 0;

  reset(): void {
    this.optsParsed = false;
    this.optOff = 0;
    this.optLen = 0;
  }
}

export class UdpInfo {
  srcPort = 0;
  dstPort = 0;
  /** The UDP length field. */
  length = 0;
  checksum = 0;
  /** Payload per the UDP length (capped by the IP payload). */
  payloadLen = 0;
}

/** The IP header quoted in an ICMP/ICMPv6 error: part of the message, never a layer. */
export class QuotedIp {
  present = false;
  version = 0;
  /** Absolute offsets in the frame's buf; addrLen 4 or 16. */
  off = 0;
  srcOff = 0;
  dstOff = 0;
  addrLen = 0;
  /** Quoted header's protocol (IPv4) / next header (IPv6, first). */
  protocol = 0;
  /** Ports of a quoted TCP/UDP/SCTP header, -1 when not quoted. */
  srcPort = -1;
  dstPort = -1;
}

export class IcmpInfo {
  type = 0;
  code = 0;
  checksum = 0;
  /** The 4 bytes after the checksum (echo id/seq, MTU, pointer...) as an unsigned 32-bit number. */
  rest = 0;
  readonly quoted = new QuotedIp();
}

export class SctpInfo {
  srcPort = 0;
  dstPort = 0;
  vtag = 0;
}

export class EspInfo {
  spi = 0;
  seq = 0;
  /** Carried in UDP (NAT-T, port 4500). */
  natt = false;
  /**
   * Decrypted with a key (src/decode/ipsec): the ICV checked and the trailer
   * read. The plaintext payload (the inner packet, or the transport header
   * in transport mode) is buf[payloadOff .. payloadOff + payloadLen) of the
   * frame's buf, which is then the decoder's scratch copy of the frame.
   */
  decrypted = false;
  /** The trailer's next header (4 / 41 tunnel mode, 6 / 17 … transport mode, 59 dummy); -1 when not decrypted. */
  nextHeader = -1;
  padLen = 0;
  payloadOff = 0;
  payloadLen = 0;
}

/**
 * Decrypts ESP: set on a decoder's frame when it was given keys
 * (src/decode/ipsec/decrypt.ts). The ESP decoders call it once SPI and
 * sequence are read; it decrypts in a scratch copy of the frame (switching
 * `buf` to it) and decodes what the ESP carried, or counts why it could not.
 */
export interface EspHook {
  open(f: DecodedFrame, l: IpLayer, off: number, end: number): void;
  /** A hook for datagrams reassembled from this hook's frames: same keys and counts, its own scratch. */
  forReassembly?(): EspHook;
  /** For a hook forReassembly() made: the hook it was made from. */
  readonly origin?: EspHook | null;
}

export class AhInfo {
  nextHeader = 0;
  /** Header length in bytes ((len + 2) * 4). */
  hdrLen = 0;
  spi = 0;
  seq = 0;
}

export class GreInfo {
  /** First 16 bits: C R K S s Recur Flags Ver. */
  flagsVersion = 0;
  protocol = 0;
  hasChecksum = false;
  hasKey = false;
  hasSeq = false;
  key = 0;
  seq = 0;
}

/**
 * One IP header that is a packet of its own. Fields not applying to the
 * layer's version are left at 0 (check `version`).
 */
export class IpLayer {
  /** 0 outermost. */
  depth = 0;
  version = 0;
  /** Absolute offset of the IP header and its length (IPv4: IHL*4; IPv6: 40, ext headers not included). */
  off = 0;
  hdrLen = 0;
  /** Absolute offsets of the source and destination addresses; addrLen 4 or 16. */
  srcOff = 0;
  dstOff = 0;
  addrLen = 0;
  /**
   * ip_plength as illumos' ip.d translators compute it: IPv4 total length − IHL*4
   * (may be negative on a bogus header; providers convert to uint32); IPv6 the
   * payload-length field (ip6_plen, which includes extension headers).
   */
  plength = 0;
  /** Bytes of extension headers walked (IPv6; includes AH). upperLen-style: plength − extLen. */
  extLen = 0;

  // IPv4. The fixed header's plain fields are views: read from the packet's
  // bytes when asked (the decoder checked the 20 bytes are there before it
  // set version 4), so decoding stores only what the chain walk needs and a
  // consumer pays for the fields it reads. 0 on a layer of the other version.
  ihl = 0; // header length in bytes (illumos ipv4_ihl)
  get tos(): number { return this.version === 4 ? this.buf[this.off + 1]! : 0; }
  get totalLength(): number { return this.version === 4 ? u16(this.buf, this.off + 2) : 0; }
  get ident(): number { return this.version === 4 ? u16(this.buf, this.off + 4) : 0; }
  /** The raw 16-bit flags+fragment-offset word; flags = word >> 13, offset = word & 0x1fff (8-byte units). */
  get flagsFrag(): number { return this.version === 4 ? u16(this.buf, this.off + 6) : 0; }
  get flags(): number { return this.version === 4 ? this.buf[this.off + 6]! >> 5 : 0; }
  /** Fragment offset in 8-byte units (IPv4 header, or the IPv6 fragment header). */
  fragOffset = 0;
  get ttl(): number { return this.version === 4 ? this.buf[this.off + 8]! : 0; }
  protocol = 0;
  get checksum(): number { return this.version === 4 ? u16(this.buf, this.off + 10) : 0; }
  /**
   * Whether the IPv4 header checksum verifies: computed on first read (most
   * consumers never ask), false when the header was not wholly captured or
   * the layer is IPv6.
   */
  get checksumValid(): boolean {
    if (this.ck < 0) this.ck = this.version === 4 && this.hdrCaptured && onesSum(this.buf, this.off, this.ihl) === 0xffff ? 1 : 0;
    return this.ck === 1;
  }
  /** @internal Lazy checksum state (-1 not computed) and what it needs. */
  ck = -1;
  hdrCaptured = false;
  buf: Uint8Array = EMPTY;

  // IPv6 (traffic class, flow label and hop limit are views, as above).
  get tclass(): number { return this.version === 6 ? ((this.buf[this.off]! & 15) << 4) | (this.buf[this.off + 1]! >> 4) : 0; }
  get flow(): number { return this.version === 6 ? u24(this.buf, this.off + 1) & 0xfffff : 0; }
  plen = 0;
  /** The first next-header field (ipv6_nexthdr). */
  nextHeader = 0;
  get hopLimit(): number { return this.version === 6 ? this.buf[this.off + 7]! : 0; }
  /** Extension headers walked (hop-by-hop, routing, fragment, dest options, AH). */
  extCount = 0;
  /** IPv6 fragment header, when present: id, offset (8-byte units), M flag. */
  hasFragHeader = false;
  fragId = 0;
  fragMore = false;

  /** Final upper-layer protocol: IPv4 protocol; IPv6 next header after the extension chain (ESP ends it; 59 none). */
  upper = 0;
  /** Absolute offset and captured length of the upper-layer bytes (after header and extension headers). */
  upperOff = 0;
  upperCapLen = 0;
  /** Upper-layer length per the header (IPv4 totalLength − ihl; IPv6 plen − extLen). */
  upperLen = 0;
  /** A fragment other than the first: no transport header follows. */
  laterFragment = false;
  /**
   * A fragment of a larger datagram (IPv4: MF set or a non-zero offset; IPv6:
   * a fragment header with M set or a non-zero offset — an atomic fragment,
   * RFC 6946, is not one). The reassembly stage (decode/reassembly/) keys on it.
   */
  fragment = false;
  /** IPv6: absolute offsets of the fragment header and of the next-header byte that names it. */
  fragHdrOff = 0;
  fragNhOff = 0;

  /** Virtual interface (tunnel) or capture interface name; see the naming table above. */
  ifName = '';
  tunnel = TUN_NONE;
  /** GRE key, VXLAN VNI, GENEVE VNI, GTP-U TEID of the carrying tunnel; -1 none. */
  tunnelKey = -1;

  /** Transport kind (L4_*) and where it starts (absolute). */
  l4 = L4_NONE;
  l4Off = 0;
  readonly tcp = new TcpInfo();
  readonly udp = new UdpInfo();
  readonly icmp = new IcmpInfo();
  readonly sctp = new SctpInfo();
  readonly esp = new EspInfo();
  readonly ah = new AhInfo();
  readonly gre = new GreInfo();

  /** Cached address strings (null until asked; see addr.ts srcString/dstString). */
  srcStr: string | null = null;
  dstStr: string | null = null;

  reset(depth: number): void {
    this.depth = depth;
    this.version = 0;
    this.hdrLen = 0;
    this.plength = 0;
    this.extLen = 0;
    this.ihl = 0; this.fragOffset = 0; this.protocol = 0;
    this.ck = -1; this.hdrCaptured = false;
    this.plen = 0; this.nextHeader = 0;
    this.extCount = 0; this.hasFragHeader = false; this.fragId = 0; this.fragMore = false;
    this.upper = 0; this.upperOff = 0; this.upperCapLen = 0; this.upperLen = 0; this.laterFragment = false;
    this.fragment = false;
    this.tunnel = TUN_NONE; this.tunnelKey = -1;
    this.l4 = L4_NONE; this.l4Off = 0;
    this.tcp.reset();
    this.icmp.quoted.present = false;
    this.esp.natt = false;
    this.esp.decrypted = false;
    this.esp.nextHeader = -1;
    this.srcStr = null; this.dstStr = null;
  }
}

/**
 * One decoded packet. Reused: valid until the next decode() on the same decoder.
 * Decoders write it; consumers read it.
 */
export class DecodedFrame {
  /** The record's chunk (shared with the reader) and the packet's start. */
  buf: Uint8Array = EMPTY;
  start = 0;
  /** Captured bytes, FCS excluded; `end` = start + capLen. */
  capLen = 0;
  end = 0;
  /** Length on the wire (origLen). */
  wireLen = 0;
  /** 1-based frame number. */
  frame = 0;
  ifIndex = 0;
  linkType = 0;
  /** DIR_UNKNOWN / DIR_IN / DIR_OUT: from pcapng epb_flags or Linux cooked packet type. */
  direction = DIR_UNKNOWN;
  /** The capture interface name (pcapng if_name or the per-link-type default). */
  ifName = '';

  /** Layer path in wire order (kinds K_*, absolute offsets). */
  readonly pathKind = new Uint8Array(MAX_PATH);
  readonly pathOff = new Int32Array(MAX_PATH);
  pathLen = 0;

  /** IP layers [0, ipCount), outermost first. The pool is preallocated; do not keep references across frames. */
  readonly ip: readonly IpLayer[] = Array.from({ length: MAX_IP_LAYERS }, () => new IpLayer());
  ipCount = 0;

  /** Some IP layer is a fragment (IpLayer.fragment): the one test the providers make per frame for reassembly. */
  fragmented = false;

  /** Where decoding stopped, M_NONE when the whole frame decoded. malOffset is relative to `start`. */
  malReason = M_NONE;
  malKind = K_NONE;
  malOffset = 0;

  /** Innermost VLAN id seen (-1 none); MPLS labels stay in the path. */
  vlan = -1;
  /** Ethernet source/destination MAC offsets (absolute), -1 when the link has none (for local-host inference). */
  ethSrcOff = -1;
  ethDstOff = -1;

  /**
   * ESP decryption (null without keys). When it decrypts, `buf` becomes its
   * scratch copy of this frame (same offsets, the ESP payload in clear) until
   * the next frame is decoded: readers of the frame's bytes see the
   * decrypted payload only while this frame is current.
   */
  ipsec: EspHook | null = null;
  /**
   * Process information carried in the frame itself (a PKTAP header), which
   * wins over the capture record's: pid/effPid -1 and names '' when absent.
   * Valid when `procSet`; names are cached strings (link/procname.ts).
   */
  procSet = false;
  procPid = -1;
  procName = '';
  effPid = -1;
  effProcName = '';

  /** @internal Tunnel context for the next IP layer (set by tunnel decoders, consumed by newIpLayer). */
  pendTunnel = TUN_NONE;
  pendTunnelKey = -1;
  pendIfName = '';

  reset(): void {
    this.pendTunnel = TUN_NONE;
    this.procSet = false;
    this.pathLen = 0;
    this.ipCount = 0;
    this.fragmented = false;
    this.malReason = M_NONE;
    this.malKind = K_NONE;
    this.malOffset = 0;
    this.direction = DIR_UNKNOWN;
    this.vlan = -1;
    this.ethSrcOff = -1;
    this.ethDstOff = -1;
  }
}
