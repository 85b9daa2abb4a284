/**
 * craft.ts — a small packet-crafting library for fixtures and sample captures.
 *
 * Layers compose from the inside out, the way the packet nests:
 *
 *   eth('00:e0:81:5e:83:08', '00:14:4f:3b:76:c8',
 *     ipv4({ src: '192.168.1.108', dst: '192.168.1.109', ttl: 60 },
 *       tcp({ sport: 53122, dport: 22, seq: 1, ack: 2, flags: 'PA' }, payload)))
 *
 * Link and network builders (eth, ipv4, ipv6, vxlan) return finished bytes.
 * Transport builders (tcp, udp, icmp*, esp, gre, raw) return an `Upper`: a
 * protocol number and a `build(src, dst)` closure, because their checksums
 * cover a pseudo-header that only the enclosing IP layer knows. ipv4/ipv6
 * call `build` with their (final) addresses. A plain Uint8Array given to
 * ipv4/ipv6 is an encapsulated IP packet (IP-in-IP: protocol 4 or 41, from
 * its version nibble) unless `proto` says otherwise.
 *
 * Every checksum is computed correctly by default; `checksum: n` writes n
 * instead and `badChecksum: true` writes the correct value plus one, so tests
 * can make packets IP would drop. Nothing here is on a hot path: clarity wins.
 */

const te = new TextEncoder();

export type Bytes = Uint8Array;
export type Data = Uint8Array | string;

/** A transport-layer payload of IP, finished once the IP addresses are known. */
export interface Upper {
  readonly proto: number;
  build(src: Bytes, dst: Bytes): Bytes;
}

/** A layer-2 payload with its EtherType (VLAN tags, ARP, explicit types). */
export interface Typed {
  readonly etherType: number;
  readonly bytes: Bytes;
}

export const IPPROTO = {
  HOPOPTS: 0, ICMP: 1, IGMP: 2, IPIP: 4, TCP: 6, UDP: 17, IPV6: 41, ROUTING: 43,
  FRAGMENT: 44, GRE: 47, ESP: 50, AH: 51, ICMPV6: 58, NONE: 59, DSTOPTS: 60,
} as const;

export const ETHERTYPE = { IPV4: 0x0800, ARP: 0x0806, VLAN: 0x8100, IPV6: 0x86dd, TEB: 0x6558, QINQ: 0x88a8 } as const;

// ---------------------------------------------------------------- helpers

export function bytes(d: Data | undefined): Bytes {
  if (d === undefined) return new Uint8Array(0);
  return typeof d === 'string' ? te.encode(d) : d;
}

export function concat(...parts: Bytes[]): Bytes {
  let n = 0;
  for (const p of parts) n += p.length;
  const out = new Uint8Array(n);
  let o = 0;
  for (const p of parts) { out.set(p, o); o += p.length; }
  return out;
}

/** n bytes of a repeating, recognisable pattern (deterministic filler). */
export function fill(n: number, seed = 0): Bytes {
  const b = new Uint8Array(n);
  for (let i = 0; i < n; i++) b[i] = (0x20 + ((i + seed) % 95)) & 0xff;
  return b;
}

/** Internet checksum (RFC 1071) over the given parts, as if concatenated. */
export function inetChecksum(...parts: Bytes[]): number {
  let sum = 0;
  let odd = false;
  let carry = 0;
  for (const p of parts) {
    for (let i = 0; i < p.length; i++) {
      if (odd) { sum += (carry << 8) | p[i]!; odd = false; } else { carry = p[i]!; odd = true; }
    }
  }
  if (odd) sum += carry << 8;
  while (sum > 0xffff) sum = (sum & 0xffff) + (sum >>> 16);
  return ~sum & 0xffff;
}

function put16(b: Bytes, o: number, v: number): void { b[o] = (v >>> 8) & 0xff; b[o + 1] = v & 0xff; }
function put32(b: Bytes, o: number, v: number): void {
  b[o] = (v >>> 24) & 0xff; b[o + 1] = (v >>> 16) & 0xff; b[o + 2] = (v >>> 8) & 0xff; b[o + 3] = v & 0xff;
}

export function mac(s: string): Bytes {
  const parts = s.split(/[:-]/);
  if (parts.length !== 6) throw new Error(`bad MAC ${s}`);
  return Uint8Array.from(parts.map((p) => parseInt(p, 16)));
}

export function ip4(s: string): Bytes {
  const parts = s.split('.').map(Number);
  if (parts.length !== 4 || parts.some((p) => !(p >= 0 && p <= 255))) throw new Error(`bad IPv4 address ${s}`);
  return Uint8Array.from(parts);
}

export function ip6(s: string): Bytes {
  const out = new Uint8Array(16);
  let head = s;
  let tail = '';
  const dbl = s.indexOf('::');
  if (dbl >= 0) { head = s.slice(0, dbl); tail = s.slice(dbl + 2); }
  const words = (x: string): number[] => {
    if (x === '') return [];
    const r: number[] = [];
    for (const w of x.split(':')) {
      if (w.includes('.')) { const v4 = ip4(w); r.push((v4[0]! << 8) | v4[1]!, (v4[2]! << 8) | v4[3]!); } else r.push(parseInt(w, 16));
    }
    return r;
  };
  const h = words(head);
  const t = words(tail);
  if (dbl < 0 && h.length !== 8) throw new Error(`bad IPv6 address ${s}`);
  h.forEach((w, i) => put16(out, i * 2, w));
  t.forEach((w, i) => put16(out, 16 - (t.length - i) * 2, w));
  return out;
}

/** Any IP address string as bytes (4 or 16). */
export function ipAddr(s: string): Bytes { return s.includes(':') ? ip6(s) : ip4(s); }

/** Builds a transport payload from raw bytes with a given protocol number (no checksum to fix). */
export function raw(proto: number, data: Data): Upper {
  const b = bytes(data);
  return { proto, build: () => b };
}

// ---------------------------------------------------------------- link layer

/** Ethernet II. The EtherType comes from `payload` (Typed) or the IP version nibble, or is given. */
export function eth(src: string, dst: string, payload: Bytes | Typed, etherType?: number): Bytes {
  const isTyped = !(payload instanceof Uint8Array);
  const body = isTyped ? payload.bytes : payload;
  const type = etherType ?? (isTyped ? payload.etherType : body[0]! >> 4 === 6 ? ETHERTYPE.IPV6 : ETHERTYPE.IPV4);
  const h = new Uint8Array(14);
  h.set(mac(dst), 0);
  h.set(mac(src), 6);
  put16(h, 12, type);
  return concat(h, body);
}

/** An 802.1Q tag (or 802.1ad with `tpid: 0x88a8`) in front of its payload. */
export function vlan(o: { vid: number; pcp?: number; dei?: boolean; tpid?: number }, payload: Bytes | Typed, etherType?: number): Typed {
  const isTyped = !(payload instanceof Uint8Array);
  const body = isTyped ? payload.bytes : payload;
  const inner = etherType ?? (isTyped ? payload.etherType : body[0]! >> 4 === 6 ? ETHERTYPE.IPV6 : ETHERTYPE.IPV4);
  const tag = new Uint8Array(4);
  put16(tag, 0, ((o.pcp ?? 0) << 13) | (o.dei ? 0x1000 : 0) | (o.vid & 0xfff));
  put16(tag, 2, inner);
  return { etherType: o.tpid ?? ETHERTYPE.VLAN, bytes: concat(tag, body) };
}

/** ARP over Ethernet/IPv4. op 1 request, 2 reply. A gratuitous ARP has spa === tpa. */
export function arp(o: { op: 1 | 2; sha: string; spa: string; tha?: string; tpa: string }): Typed {
  const b = new Uint8Array(28);
  put16(b, 0, 1); put16(b, 2, ETHERTYPE.IPV4); b[4] = 6; b[5] = 4; put16(b, 6, o.op);
  b.set(mac(o.sha), 8); b.set(ip4(o.spa), 14); b.set(mac(o.tha ?? '00:00:00:00:00:00'), 18); b.set(ip4(o.tpa), 24);
  return { etherType: ETHERTYPE.ARP, bytes: b };
}

// ---------------------------------------------------------------- IPv4

export interface Ipv4Opts {
  src: string;
  dst: string;
  ttl?: number;
  tos?: number;
  id?: number;
  df?: boolean;
  mf?: boolean;
  /** Reserved/evil bit. */
  rf?: boolean;
  /** Fragment offset in 8-byte units, as in the header. */
  fragOffset?: number;
  /** Raw options (padded with EOL to a 4-byte multiple). */
  options?: Bytes;
  /** Protocol number; required when the payload is raw bytes that are not an IP packet. */
  proto?: number;
  /** Header checksum to write instead of the correct one. */
  checksum?: number;
  /** Write the correct checksum + 1 (a packet IP drops). */
  badChecksum?: boolean;
  /** Total-length field override (to make malformed packets). */
  totalLength?: number;
}

function upperOf(payload: Upper | Bytes, proto: number | undefined): Upper {
  if (!(payload instanceof Uint8Array)) return proto === undefined ? payload : { proto, build: payload.build };
  const p = proto ?? (payload[0]! >> 4 === 6 ? IPPROTO.IPV6 : IPPROTO.IPIP);
  return { proto: p, build: () => payload };
}

function pad4(b: Bytes): Bytes {
  const n = (4 - (b.length & 3)) & 3;
  return n === 0 ? b : concat(b, new Uint8Array(n));
}

export function ipv4Header(o: Ipv4Opts, proto: number, payloadLen: number): Bytes {
  const opts = pad4(o.options ?? new Uint8Array(0));
  const hl = 20 + opts.length;
  const h = new Uint8Array(hl);
  h[0] = 0x40 | (hl >> 2);
  h[1] = o.tos ?? 0;
  put16(h, 2, o.totalLength ?? hl + payloadLen);
  put16(h, 4, o.id ?? 0);
  put16(h, 6, (o.rf ? 0x8000 : 0) | (o.df ? 0x4000 : 0) | (o.mf ? 0x2000 : 0) | ((o.fragOffset ?? 0) & 0x1fff));
  h[8] = o.ttl ?? 64;
  h[9] = proto;
  h.set(ip4(o.src), 12);
  h.set(ip4(o.dst), 16);
  h.set(opts, 20);
  const good = inetChecksum(h);
  put16(h, 10, o.checksum ?? (o.badChecksum ? (good + 1) & 0xffff : good));
  return h;
}

/** An IPv4 packet around a transport `Upper` or an encapsulated IP packet. */
export function ipv4(o: Ipv4Opts, payload: Upper | Bytes): Bytes {
  const up = upperOf(payload, o.proto);
  const body = up.build(ip4(o.src), ip4(o.dst));
  return concat(ipv4Header(o, up.proto, body.length), body);
}

/**
 * An IPv4 packet split into fragments whose payloads are at most `maxPayload`
 * bytes (rounded down to a multiple of 8). The transport checksum covers the
 * whole datagram, as a sender computes it before fragmenting.
 */
export function ipv4Fragments(o: Ipv4Opts, payload: Upper | Bytes, maxPayload: number): Bytes[] {
  const up = upperOf(payload, o.proto);
  const body = up.build(ip4(o.src), ip4(o.dst));
  const step = maxPayload & ~7;
  const out: Bytes[] = [];
  for (let off = 0; off < body.length; off += step) {
    const part = body.subarray(off, Math.min(body.length, off + step));
    const more = off + step < body.length;
    out.push(concat(ipv4Header({ ...o, mf: more || o.mf, fragOffset: off >> 3 }, up.proto, part.length), part));
  }
  return out;
}

// ---------------------------------------------------------------- IPv6

export type Ipv6Ext =
  | { type: 'hop' | 'dst'; options?: Bytes }
  | { type: 'routing'; routingType?: number; segmentsLeft?: number; addresses: string[] }
  | { type: 'frag'; offset?: number; more?: boolean; id: number };

export interface Ipv6Opts {
  src: string;
  dst: string;
  hlim?: number;
  tclass?: number;
  flow?: number;
  ext?: Ipv6Ext[];
  /** Next-header number for a raw payload that is not an IP packet. */
  next?: number;
  /** Payload-length override. */
  plen?: number;
}

const EXT_NUM = { hop: IPPROTO.HOPOPTS, dst: IPPROTO.DSTOPTS, routing: IPPROTO.ROUTING, frag: IPPROTO.FRAGMENT } as const;

function extBytes(e: Ipv6Ext, next: number): Bytes {
  if (e.type === 'frag') {
    const b = new Uint8Array(8);
    b[0] = next;
    put16(b, 2, ((e.offset ?? 0) << 3) | (e.more ? 1 : 0));
    put32(b, 4, e.id);
    return b;
  }
  if (e.type === 'routing') {
    const addrs = e.addresses.map(ip6);
    const b = new Uint8Array(8 + 16 * addrs.length);
    b[0] = next; b[1] = 2 * addrs.length; b[2] = e.routingType ?? 0; b[3] = e.segmentsLeft ?? addrs.length;
    addrs.forEach((a, i) => b.set(a, 8 + 16 * i));
    return b;
  }
  // Hop-by-hop / destination options: pad the option area with PadN to a multiple of 8.
  const opts = e.options ?? new Uint8Array(0);
  const len = Math.ceil((2 + opts.length) / 8) * 8;
  const b = new Uint8Array(len);
  b[0] = next; b[1] = len / 8 - 1;
  b.set(opts, 2);
  const padLen = len - 2 - opts.length;
  if (padLen === 1) b[2 + opts.length] = 0; // Pad1
  else if (padLen >= 2) { b[2 + opts.length] = 1; b[3 + opts.length] = padLen - 2; } // PadN
  return b;
}

export function ipv6(o: Ipv6Opts, payload: Upper | Bytes): Bytes {
  const up = upperOf(payload, o.next);
  const src = ip6(o.src);
  // The upper-layer pseudo-header uses the final destination (RFC 8200 8.1).
  let finalDst = ip6(o.dst);
  for (const e of o.ext ?? []) {
    if (e.type === 'routing' && e.addresses.length > 0 && (e.segmentsLeft ?? e.addresses.length) > 0) finalDst = ip6(e.addresses[e.addresses.length - 1]!);
  }
  const body = up.build(src, finalDst);
  const exts = o.ext ?? [];
  const parts: Bytes[] = [];
  for (let i = 0; i < exts.length; i++) {
    const next = i + 1 < exts.length ? EXT_NUM[exts[i + 1]!.type] : up.proto;
    parts.push(extBytes(exts[i]!, next));
  }
  const extAll = concat(...parts);
  const h = new Uint8Array(40);
  put32(h, 0, (6 << 28) | (((o.tclass ?? 0) & 0xff) << 20) | ((o.flow ?? 0) & 0xfffff));
  put16(h, 4, o.plen ?? extAll.length + body.length);
  h[6] = exts.length > 0 ? EXT_NUM[exts[0]!.type] : up.proto;
  h[7] = o.hlim ?? 64;
  h.set(src, 8);
  h.set(ip6(o.dst), 24);
  return concat(h, extAll, body);
}

/**
 * An IPv6 packet split into fragments (RFC 8200 4.5): `o.ext` is the
 * unfragmentable part, repeated in every fragment; the fragment header then
 * carries `id`, and the fragmentable part (the upper-layer packet) is cut
 * into pieces of at most `maxPayload` bytes (rounded down to a multiple of 8).
 * The transport checksum covers the whole datagram.
 */
export function ipv6Fragments(o: Ipv6Opts & { id: number }, payload: Upper | Bytes, maxPayload: number): Bytes[] {
  const up = upperOf(payload, o.next);
  let finalDst = ip6(o.dst);
  for (const e of o.ext ?? []) {
    if (e.type === 'routing' && e.addresses.length > 0 && (e.segmentsLeft ?? e.addresses.length) > 0) finalDst = ip6(e.addresses[e.addresses.length - 1]!);
  }
  const body = up.build(ip6(o.src), finalDst);
  const step = maxPayload & ~7;
  const out: Bytes[] = [];
  for (let off = 0; off < body.length; off += step) {
    const part = body.subarray(off, Math.min(body.length, off + step));
    const more = off + step < body.length;
    const ext: Ipv6Ext[] = [...(o.ext ?? []), { type: 'frag', offset: off >> 3, more, id: o.id }];
    out.push(ipv6({ ...o, ext, next: up.proto, plen: undefined }, part));
  }
  return out;
}

/** Pseudo-header for TCP/UDP/ICMPv6 checksums: IPv4 (12 bytes) or IPv6 (40 bytes). */
export function pseudoHeader(src: Bytes, dst: Bytes, proto: number, len: number): Bytes {
  if (src.length === 4) {
    const p = new Uint8Array(12);
    p.set(src, 0); p.set(dst, 4); p[9] = proto; put16(p, 10, len);
    return p;
  }
  const p = new Uint8Array(40);
  p.set(src, 0); p.set(dst, 16); put32(p, 32, len); p[39] = proto;
  return p;
}

function finishChecksum(seg: Bytes, at: number, good: number, o: { checksum?: number; badChecksum?: boolean }): void {
  put16(seg, at, o.checksum ?? (o.badChecksum ? (good + 1) & 0xffff : good));
}

// ---------------------------------------------------------------- TCP

export type TcpOption =
  | 'nop' | 'eol'
  | { mss: number }
  | { wscale: number }
  | { sackOk: true }
  | { sack: [number, number][] }
  | { ts: [number, number] }
  | { kind: number; data: Bytes };

export interface TcpOpts {
  sport: number;
  dport: number;
  seq?: number;
  ack?: number;
  /** Letters F S R P A U E C (any order), or the flag byte. */
  flags?: string | number;
  win?: number;
  urp?: number;
  options?: TcpOption[] | Bytes;
  checksum?: number;
  badChecksum?: boolean;
}

export const TH = { FIN: 0x01, SYN: 0x02, RST: 0x04, PUSH: 0x08, ACK: 0x10, URG: 0x20, ECE: 0x40, CWR: 0x80 } as const;

export function tcpFlags(f: string | number | undefined): number {
  if (f === undefined) return 0;
  if (typeof f === 'number') return f;
  let v = 0;
  for (const c of f) {
    const bit = ({ F: TH.FIN, S: TH.SYN, R: TH.RST, P: TH.PUSH, A: TH.ACK, U: TH.URG, E: TH.ECE, C: TH.CWR } as Record<string, number>)[c];
    if (bit === undefined) throw new Error(`bad TCP flag letter ${c}`);
    v |= bit;
  }
  return v;
}

export function tcpOptions(opts: TcpOption[]): Bytes {
  const parts: number[] = [];
  for (const o of opts) {
    if (o === 'nop') parts.push(1);
    else if (o === 'eol') parts.push(0);
    else if ('mss' in o) parts.push(2, 4, (o.mss >> 8) & 0xff, o.mss & 0xff);
    else if ('wscale' in o) parts.push(3, 3, o.wscale);
    else if ('sackOk' in o) parts.push(4, 2);
    else if ('sack' in o) {
      parts.push(5, 2 + 8 * o.sack.length);
      for (const [l, r] of o.sack) for (const v of [l, r]) parts.push((v >>> 24) & 0xff, (v >>> 16) & 0xff, (v >>> 8) & 0xff, v & 0xff);
    } else if ('ts' in o) {
      parts.push(8, 10);
      for (const v of o.ts) parts.push((v >>> 24) & 0xff, (v >>> 16) & 0xff, (v >>> 8) & 0xff, v & 0xff);
    } else parts.push(o.kind, 2 + o.data.length, ...o.data);
  }
  while (parts.length & 3) parts.push(0);
  return Uint8Array.from(parts);
}

export function tcp(o: TcpOpts, payload?: Data): Upper {
  const data = bytes(payload);
  const opts = o.options instanceof Uint8Array ? pad4(o.options) : tcpOptions(o.options ?? []);
  return {
    proto: IPPROTO.TCP,
    build(src, dst) {
      const hl = 20 + opts.length;
      const seg = new Uint8Array(hl + data.length);
      put16(seg, 0, o.sport);
      put16(seg, 2, o.dport);
      put32(seg, 4, (o.seq ?? 0) >>> 0);
      put32(seg, 8, (o.ack ?? 0) >>> 0);
      seg[12] = (hl >> 2) << 4;
      seg[13] = tcpFlags(o.flags);
      put16(seg, 14, o.win ?? 65535);
      put16(seg, 18, o.urp ?? 0);
      seg.set(opts, 20);
      seg.set(data, hl);
      finishChecksum(seg, 16, inetChecksum(pseudoHeader(src, dst, IPPROTO.TCP, seg.length), seg), o);
      return seg;
    },
  };
}

// ---------------------------------------------------------------- UDP

export interface UdpOpts {
  sport: number;
  dport: number;
  checksum?: number;
  badChecksum?: boolean;
  /** IPv4 only: send no checksum (0), as NAT-T and VXLAN senders often do. */
  noChecksum?: boolean;
  /** Length-field override. */
  length?: number;
}

/** UDP; the payload may itself be an Upper built with the same addresses (e.g. ESP for NAT-T). */
export function udp(o: UdpOpts, payload?: Data | Upper): Upper {
  return {
    proto: IPPROTO.UDP,
    build(src, dst) {
      const data = payload !== undefined && typeof payload !== 'string' && !(payload instanceof Uint8Array) ? payload.build(src, dst) : bytes(payload);
      const seg = new Uint8Array(8 + data.length);
      put16(seg, 0, o.sport);
      put16(seg, 2, o.dport);
      put16(seg, 4, o.length ?? seg.length);
      seg.set(data, 8);
      if (o.noChecksum && src.length === 4 && o.checksum === undefined) return seg;
      let good = inetChecksum(pseudoHeader(src, dst, IPPROTO.UDP, seg.length), seg);
      if (good === 0) good = 0xffff; // 0 means "no checksum" in UDP
      finishChecksum(seg, 6, good, o);
      return seg;
    },
  };
}

// ---------------------------------------------------------------- ICMP / ICMPv6

export interface IcmpOpts { type: number; code?: number; /** The 4 bytes after the checksum. */ rest?: number; checksum?: number; badChecksum?: boolean }

export function icmp(o: IcmpOpts, payload?: Data): Upper {
  const data = bytes(payload);
  return {
    proto: IPPROTO.ICMP,
    build() {
      const m = new Uint8Array(8 + data.length);
      m[0] = o.type; m[1] = o.code ?? 0;
      put32(m, 4, (o.rest ?? 0) >>> 0);
      m.set(data, 8);
      finishChecksum(m, 2, inetChecksum(m), o);
      return m;
    },
  };
}

export function icmpEcho(o: { reply?: boolean; id: number; seq: number }, data?: Data): Upper {
  return icmp({ type: o.reply ? 0 : 8, rest: ((o.id & 0xffff) << 16) | (o.seq & 0xffff) }, data);
}

/** Destination unreachable (code 3 = port unreachable) quoting the offending packet's IP header + 8 bytes. */
export function icmpUnreach(o: { code: number; mtu?: number }, offending: Bytes): Upper {
  const ihl = (offending[0]! & 0x0f) * 4;
  return icmp({ type: 3, code: o.code, rest: o.mtu ?? 0 }, offending.subarray(0, Math.min(offending.length, ihl + 8)));
}

export function icmp6(o: IcmpOpts, payload?: Data): Upper {
  const data = bytes(payload);
  return {
    proto: IPPROTO.ICMPV6,
    build(src, dst) {
      const m = new Uint8Array(8 + data.length);
      m[0] = o.type; m[1] = o.code ?? 0;
      put32(m, 4, (o.rest ?? 0) >>> 0);
      m.set(data, 8);
      finishChecksum(m, 2, inetChecksum(pseudoHeader(src, dst, IPPROTO.ICMPV6, m.length), m), o);
      return m;
    },
  };
}

export function icmp6Echo(o: { reply?: boolean; id: number; seq: number }, data?: Data): Upper {
  return icmp6({ type: o.reply ? 129 : 128, rest: ((o.id & 0xffff) << 16) | (o.seq & 0xffff) }, data);
}

/** ICMPv6 destination unreachable quoting as much of the offending packet as fits in 1280 bytes. */
export function icmp6Unreach(o: { code: number }, offending: Bytes): Upper {
  return icmp6({ type: 1, code: o.code }, offending.subarray(0, Math.min(offending.length, 1280 - 48)));
}

/** Neighbor solicitation for `target`, with the source link-layer address option. */
export function icmp6NeighborSolicit(target: string, srcMac: string): Upper {
  const body = new Uint8Array(16 + 8);
  body.set(ip6(target), 0);
  body[16] = 1; body[17] = 1; body.set(mac(srcMac), 18);
  return icmp6({ type: 135 }, body);
}

/** Neighbor advertisement (solicited + override) for `target`, with the target link-layer address option. */
export function icmp6NeighborAdvert(target: string, tgtMac: string): Upper {
  const body = new Uint8Array(16 + 8);
  body.set(ip6(target), 0);
  body[16] = 2; body[17] = 1; body.set(mac(tgtMac), 18);
  return icmp6({ type: 136, rest: 0x60000000 }, body);
}

// ---------------------------------------------------------------- tunnels

/** ESP: SPI, sequence number and an opaque (encrypted) rest: IV, ciphertext, padding, ICV. */
export function esp(o: { spi: number; seq: number }, opaque: Data): Upper {
  const data = bytes(opaque);
  return {
    proto: IPPROTO.ESP,
    build() {
      const b = new Uint8Array(8 + data.length);
      put32(b, 0, o.spi >>> 0);
      put32(b, 4, o.seq >>> 0);
      b.set(data, 8);
      return b;
    },
  };
}

/**
 * The size of an ESP packet (header + IV + padded ciphertext + ICV) carrying an
 * inner packet of `innerLen` bytes, for a block cipher: e.g. AES-CBC (iv 16,
 * block 16) with HMAC-SHA1-96 (icv 12).
 */
export function espSize(innerLen: number, c: { iv: number; block: number; icv: number } = { iv: 16, block: 16, icv: 12 }): number {
  const padded = Math.ceil((innerLen + 2) / c.block) * c.block; // + pad length + next header
  return 8 + c.iv + padded + c.icv;
}

/** UDP-encapsulated ESP (RFC 3948, NAT-T) on port 4500; checksum 0 as senders do. */
export function natT(o: { spi: number; seq: number; sport?: number; dport?: number }, opaque: Data): Upper {
  return udp({ sport: o.sport ?? 4500, dport: o.dport ?? 4500, noChecksum: true }, esp(o, opaque));
}

export interface GreOpts {
  /** Protocol type; default from the payload (IPv4/IPv6 by version nibble). 0x6558 for Ethernet (TEB). */
  proto?: number;
  key?: number;
  seq?: number;
  /** Include the checksum field (C bit). */
  checksum?: boolean;
}

export function gre(o: GreOpts, payload: Bytes): Upper {
  return {
    proto: IPPROTO.GRE,
    build() {
      const type = o.proto ?? (payload[0]! >> 4 === 6 ? ETHERTYPE.IPV6 : ETHERTYPE.IPV4);
      const hl = 4 + (o.checksum ? 4 : 0) + (o.key !== undefined ? 4 : 0) + (o.seq !== undefined ? 4 : 0);
      const b = new Uint8Array(hl + payload.length);
      put16(b, 0, (o.checksum ? 0x8000 : 0) | (o.key !== undefined ? 0x2000 : 0) | (o.seq !== undefined ? 0x1000 : 0));
      put16(b, 2, type);
      let p = 4;
      const csAt = p;
      if (o.checksum) p += 4;
      if (o.key !== undefined) { put32(b, p, o.key >>> 0); p += 4; }
      if (o.seq !== undefined) put32(b, p, o.seq >>> 0);
      b.set(payload, hl);
      if (o.checksum) put16(b, csAt, inetChecksum(b));
      return b;
    },
  };
}

export const VXLAN_PORT = 4789;

/** The VXLAN header (I flag, 24-bit VNI) before an Ethernet frame; carry it in udp({dport: 4789}). */
export function vxlan(o: { vni: number }, ethFrame: Bytes): Bytes {
  const h = new Uint8Array(8);
  h[0] = 0x08;
  put32(h, 4, (o.vni & 0xffffff) << 8);
  return concat(h, ethFrame);
}

// ---------------------------------------------------------------- DNS (enough for samples)

/** Encodes a domain name (no compression). */
export function dnsName(name: string): Bytes {
  const labels = name.replace(/\.$/, '').split('.').filter((l) => l.length > 0);
  const parts: number[] = [];
  for (const l of labels) { parts.push(l.length); for (const c of te.encode(l)) parts.push(c); }
  parts.push(0);
  return Uint8Array.from(parts);
}

export interface DnsRecord {
  /** Name bytes (dnsName(...) or a pointer from dnsPtr). */
  name: Bytes;
  type: number;
  ttl?: number;
  data: Bytes;
}

/** A compression pointer to `offset` in the message. */
export function dnsPtr(offset: number): Bytes { return Uint8Array.from([0xc0 | (offset >> 8), offset & 0xff]); }

/** A DNS message: one question, then answer/authority/additional records as given. */
export function dns(o: {
  id: number; response?: boolean; rd?: boolean; ra?: boolean; aa?: boolean; rcode?: number;
  qname: string; qtype?: number; answers?: DnsRecord[]; authority?: DnsRecord[]; additional?: DnsRecord[];
}): Bytes {
  const h = new Uint8Array(12);
  put16(h, 0, o.id);
  put16(h, 2, (o.response ? 0x8000 : 0) | (o.aa ? 0x0400 : 0) | (o.rd ?? true ? 0x0100 : 0) | (o.ra ? 0x0080 : 0) | (o.rcode ?? 0));
  put16(h, 4, 1);
  put16(h, 6, o.answers?.length ?? 0);
  put16(h, 8, o.authority?.length ?? 0);
  put16(h, 10, o.additional?.length ?? 0);
  const q = concat(dnsName(o.qname), Uint8Array.from([0, o.qtype ?? 1, 0, 1]));
  const rr = (r: DnsRecord): Bytes => {
    const f = new Uint8Array(10);
    put16(f, 0, r.type); put16(f, 2, 1); put32(f, 4, r.ttl ?? 3600); put16(f, 8, r.data.length);
    return concat(r.name, f, r.data);
  };
  return concat(h, q, ...(o.answers ?? []).map(rr), ...(o.authority ?? []).map(rr), ...(o.additional ?? []).map(rr));
}

// ---------------------------------------------------------------- IGMP

/** IGMPv2 message (0x16 membership report, 0x11 query, 0x17 leave) for `group`. */
export function igmp(o: { type: number; group: string; maxResp?: number }): Upper {
  return {
    proto: IPPROTO.IGMP,
    build() {
      const m = new Uint8Array(8);
      m[0] = o.type; m[1] = o.maxResp ?? 0;
      m.set(ip4(o.group), 4);
      put16(m, 2, inetChecksum(m));
      return m;
    },
  };
}

/** The IPv4 Router Alert option (RFC 2113), as IGMP senders add it. */
export const ROUTER_ALERT = Uint8Array.from([0x94, 0x04, 0x00, 0x00]);
