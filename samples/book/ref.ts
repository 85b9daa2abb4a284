/**
 * The reference side of the book-script tests: what tshark (an independent
 * decoder) says is in a capture, turned into the probe firings a kernel
 * would have made, per the firing rules of DESIGN.md.
 *
 * Per frame, tshark gives the protocol path (frame.protocols) and every
 * occurrence of the IP, TCP and UDP fields. We walk the path: each `ip` or
 * `ipv6` is one IP layer (outer first, tunnels recursively) until an `icmp`
 * or `icmpv6`, whose quoted headers are not layers the kernel fires for.
 *
 * Direction: a frame whose two addresses are loopback is both sent and
 * received (send first, then receive); otherwise pcapng epb_flags say
 * inbound (receive) or outbound (send). Captures without either are not used
 * here: their direction would come from inference, which is the engine's
 * business, not this reference's.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

export type Dir = 'send' | 'receive';

export interface IpLayer {
  frame: number;
  /** Packet time, nanoseconds since the first packet (exact). */
  ns: number;
  ver: 4 | 6;
  src: string;
  dst: string;
  /** ip_plength: IPv4 total length − header length; IPv6 payload length. */
  plen: number;
  proto: number;
  /** The firings, in order. */
  dirs: Dir[];
  /** 0 for the outermost IP layer, 1 inside a tunnel, … */
  depth: number;
  /** The capture's interface name (pcapng if_name), '' when it names none. */
  iface: string;
}

export interface TcpSeg extends IpLayer {
  sport: number;
  dport: number;
  flags: number;
  win: number;
  hdrLen: number;
  seq: number;
}

export interface UdpDgram extends IpLayer {
  sport: number;
  dport: number;
  ulen: number;
}

export interface Reference {
  ip: IpLayer[];
  tcp: TcpSeg[];
  udp: UdpDgram[];
  /** Time of the last packet, ns since the first. */
  spanNs: number;
  /** Wall-clock time of the first packet, ns since the epoch. */
  t0Ns: bigint;
  /** Raw acknowledgment number of each TCP frame. */
  acks: Map<number, number>;
  /**
   * When tracing starts (BEGIN), ns relative to the first packet: the
   * capture's stated start (pcapng isb_starttime in a statistics block
   * before the first packet) when it has one, else 0 — the first packet.
   */
  beginNs: number;
}

export const TH_FIN = 0x01, TH_SYN = 0x02, TH_RST = 0x04, TH_PUSH = 0x08, TH_ACK = 0x10, TH_URG = 0x20, TH_ECE = 0x40, TH_CWR = 0x80;

const FIELDS = [
  'frame.number', 'frame.time_epoch', 'frame.packet_flags_direction', 'frame.protocols', 'frame.interface_name',
  'ip.src', 'ip.dst', 'ip.len', 'ip.hdr_len', 'ip.proto',
  'ipv6.src', 'ipv6.dst', 'ipv6.plen', 'ipv6.nxt',
  'tcp.srcport', 'tcp.dstport', 'tcp.flags', 'tcp.window_size_value', 'tcp.hdr_len', 'tcp.seq_raw', 'tcp.ack_raw',
  'udp.srcport', 'udp.dstport', 'udp.length',
] as const;

/** tshark's names for what follows a UDP header that makes it a tunnel carrier. */
const TUNNEL_OVER_UDP = new Set(['vxlan', 'geneve', 'gtp', 'udpencap', 'esp']);

let tsharkChecked = false;

function requireTshark(): void {
  if (tsharkChecked) return;
  const r = spawnSync('tshark', ['--version'], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error('tshark is required by samples/book/book.test.ts (apt-get install tshark)');
  tsharkChecked = true;
}

function isLoopback(a: string): boolean {
  return a === '::1' || a.startsWith('127.');
}

/** Seconds.fraction as ns, without losing digits to floating point. */
function epochNs(s: string): bigint {
  const [i, f = ''] = s.split('.');
  return BigInt(i!) * 1_000_000_000n + BigInt((f + '000000000').slice(0, 9));
}

const cache = new Map<string, Reference>();

/**
 * tshark's reading of a capture. Directions come from the capture (pcapng
 * flags, loopback); `local` names the capturing host's addresses for a
 * capture that states none (a plain pcap), as wiretrace's --local does.
 */
export function reference(capture: string, local: readonly string[] = []): Reference {
  const key = local.length === 0 ? capture : `${capture}\0${local.join(',')}`;
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  requireTshark();
  const args = ['-r', capture, '-n', '-T', 'fields', '-E', 'separator=\t', '-E', 'occurrence=a', '-E', 'aggregator=,'];
  for (const f of FIELDS) args.push('-e', f);
  const out = execFileSync('tshark', args, { encoding: 'utf8', maxBuffer: 256 << 20, stdio: ['ignore', 'pipe', 'pipe'] });
  const ref: Reference = { ip: [], tcp: [], udp: [], spanNs: 0, t0Ns: 0n, acks: new Map(), beginNs: 0 };
  let t0: bigint | null = null;
  for (const line of out.split('\n')) {
    if (line.length === 0) continue;
    const c = line.split('\t');
    const col = (name: (typeof FIELDS)[number]): string[] => {
      const v = c[FIELDS.indexOf(name)] ?? '';
      return v === '' ? [] : v.split(',');
    };
    const frame = Number(c[0]);
    const t = epochNs(c[1]!);
    if (t0 === null) { t0 = t; ref.t0Ns = t; }
    const ns = Number(t - t0);
    ref.spanNs = ns;
    const flag = c[2] ?? '';
    const path = (c[3] ?? '').split(':');
    const ip4 = { src: col('ip.src'), dst: col('ip.dst'), len: col('ip.len'), hl: col('ip.hdr_len'), p: col('ip.proto') };
    const ip6 = { src: col('ipv6.src'), dst: col('ipv6.dst'), plen: col('ipv6.plen'), nxt: col('ipv6.nxt') };
    let n4 = 0, n6 = 0;
    let last: IpLayer | null = null;
    let outerDirs: Dir[] | null = null;
    for (const p of path) {
      if (p === 'icmp' || p === 'icmpv6') break;
      if (p === 'ip' || p === 'ipv6') {
        const v4 = p === 'ip';
        const k = v4 ? n4++ : n6++;
        const src = (v4 ? ip4.src[k] : ip6.src[k]) ?? '';
        const dst = (v4 ? ip4.dst[k] : ip6.dst[k]) ?? '';
        const plen = v4 ? Number(ip4.len[k]) - Number(ip4.hl[k]) : Number(ip6.plen[k]);
        const proto = Number(v4 ? ip4.p[k] : ip6.nxt[k]);
        if (outerDirs === null) {
          if (isLoopback(src) && isLoopback(dst)) outerDirs = ['send', 'receive'];
          else if (flag.endsWith('1')) outerDirs = ['receive'];
          else if (flag.endsWith('2')) outerDirs = ['send'];
          else if (local.length > 0) outerDirs = local.includes(src) ? ['send'] : ['receive'];
          else throw new Error(`${capture}: frame ${frame} has no stated direction; the reference needs pcapng flags or loopback`);
        }
        last = { frame, ns, ver: v4 ? 4 : 6, src, dst, plen, proto, dirs: outerDirs, depth: n4 + n6 - 1, iface: col('frame.interface_name')[0] ?? '' };
        ref.ip.push(last);
      } else if (p === 'tcp' && last !== null) {
        const flags = parseInt(col('tcp.flags')[0] ?? '0', 16);
        // TCP never sends a segment with neither SYN nor ACK (RFC 9293 3.10.7): such a segment
        // (an nmap null/Xmas probe) came from a raw socket and fires no tcp:::send. Every TCP
        // segment that arrives fires tcp:::receive, even with no connection for it (illumos
        // tcp_input_listener and tcp_xmit_listeners_reset).
        const dirs = (flags & (TH_SYN | TH_ACK)) === 0 ? last.dirs.filter((d) => d === 'receive') : last.dirs;
        ref.tcp.push({
          ...last, dirs, sport: Number(col('tcp.srcport')[0]), dport: Number(col('tcp.dstport')[0]),
          flags, win: Number(col('tcp.window_size_value')[0]),
          hdrLen: Number(col('tcp.hdr_len')[0]), seq: Number(col('tcp.seq_raw')[0]),
        });
        ref.acks.set(frame, Number(col('tcp.ack_raw')[0]));
        break;
      } else if (p === 'udp' && last !== null) {
        // UDP that only carries a tunnel is the kernel's own encapsulation, not a socket's
        // (src/providers/udp.ts): it fires no udp probe. The walk goes on into the tunnel.
        const next = path[path.indexOf(p) + 1] ?? '';
        if (TUNNEL_OVER_UDP.has(next)) continue;
        if (!ref.udp.some((u) => u.frame === frame)) {
          ref.udp.push({ ...last, sport: Number(col('udp.srcport')[0]), dport: Number(col('udp.dstport')[0]), ulen: Number(col('udp.length')[0]) });
        }
      }
    }
  }
  const start = pcapngStartNs(capture);
  if (start !== null && start < ref.t0Ns) ref.beginNs = -Number(ref.t0Ns - start);
  cache.set(key, ref);
  return ref;
}

/**
 * isb_starttime of the first interface statistics block that precedes every
 * packet block of a pcapng file, in ns since the epoch; null for pcap files
 * and pcapng files without one. (The pcapng spec: SHB byte-order magic; IDB
 * option 9 if_tsresol, 14 if_tsoffset; ISB option 2 isb_starttime.)
 */
function pcapngStartNs(file: string): bigint | null {
  const b = readFileSync(file);
  if (b.length < 12 || b.readUInt32LE(0) !== 0x0a0d0d0a) return null;
  const le = b.readUInt32LE(8) === 0x1a2b3c4d;
  const u32 = (o: number): number => (le ? b.readUInt32LE(o) : b.readUInt32BE(o));
  const u16 = (o: number): number => (le ? b.readUInt16LE(o) : b.readUInt16BE(o));
  const ifs: { res: bigint; base: number; off: bigint }[] = [];
  for (let o = 0; o + 12 <= b.length;) {
    const type = u32(o), len = u32(o + 4);
    if (len < 12 || o + len > b.length) return null;
    if (type === 2 || type === 3 || type === 6) return null; // a packet came first
    const opts = (start: number, visit: (code: number, at: number, n: number) => void): void => {
      for (let p = start; p + 4 <= o + len - 4;) {
        const code = u16(p), n = u16(p + 2);
        if (code === 0) break;
        visit(code, p + 4, n);
        p += 4 + ((n + 3) & ~3);
      }
    };
    if (type === 1) {
      const i = { res: 1_000_000n, base: 10, off: 0n };
      opts(o + 16, (code, at) => {
        if (code === 9) { const r = b[at]!; i.base = r & 0x80 ? 2 : 10; i.res = BigInt(i.base) ** BigInt(r & 0x7f); }
        if (code === 14) i.off = le ? b.readBigInt64LE(at) : b.readBigInt64BE(at);
      });
      ifs.push(i);
    } else if (type === 5) {
      const i = ifs[u32(o + 8)];
      let found: bigint | null = null;
      opts(o + 20, (code, at) => {
        if (code === 2 && i !== undefined) {
          const ticks = (BigInt(u32(at)) << 32n) | BigInt(u32(at + 4));
          found = (i.off * 1_000_000_000n) + (ticks * 1_000_000_000n) / i.res;
        }
      });
      if (found !== null) return found;
    } else if (type === 0x0a0d0d0a) {
      ifs.length = 0;
    }
    o += len;
  }
  return null;
}

/**
 * The firings of a list of layers, in the order a kernel makes them: per
 * frame, a send goes down the stack (innermost layer first, the tunnel
 * interface before the physical one) and a receive goes up (outermost
 * first); on loopback the send path comes before the receive path.
 */
export function firings<T extends IpLayer>(layers: readonly T[]): { l: T; dir: Dir }[] {
  const out: { l: T; dir: Dir }[] = [];
  for (let i = 0; i < layers.length;) {
    let j = i;
    while (j < layers.length && layers[j]!.frame === layers[i]!.frame) j++;
    const frame = layers.slice(i, j);
    for (const dir of frame[0]!.dirs) {
      for (const l of dir === 'send' ? [...frame].reverse() : frame) out.push({ l, dir });
    }
    i = j;
  }
  return out;
}

/** The illumos ipv4_protostr / ipv6_nextstr strings (usr/src/lib/libdtrace/common/ip.d.in). */
export function protoStr(p: number): string {
  const names: Record<number, string> = {
    6: 'TCP', 17: 'UDP', 0: 'IP', 1: 'ICMP', 2: 'IGMP', 8: 'EGP', 41: 'IPv6', 43: 'ROUTE',
    50: 'ESP', 51: 'AH', 58: 'ICMPv6', 89: 'OSPF', 132: 'SCTP', 255: 'RAW',
  };
  return names[p] ?? String(p);
}

/** One TCP connection as seen in the capture, keyed by the active opener's 4-tuple. */
export interface Conn {
  client: string; cport: number; server: string; sport: number;
  synNs: number | null; synAckNs: number | null;
  /** SYN-ACK seen and the client's ACK after it: both ends established. */
  established: boolean;
  /** Time of that ACK. */
  ackNs: number | null;
  /** Answered by RST to the SYN. */
  refused: boolean;
  /** Which end is local: both on loopback; else from the SYN's direction. */
  clientLocal: boolean; serverLocal: boolean;
  firstDataFromServerNs: number | null;
}

export function connections(ref: Reference): Conn[] {
  const conns = new Map<string, Conn>();
  const key = (a: string, ap: number, b: string, bp: number) => `${a}|${ap}|${b}|${bp}`;
  for (const s of ref.tcp) {
    const syn = (s.flags & TH_SYN) !== 0, ack = (s.flags & TH_ACK) !== 0, rst = (s.flags & TH_RST) !== 0;
    if (syn && !ack) {
      const k = key(s.src, s.sport, s.dst, s.dport);
      if (!conns.has(k)) {
        conns.set(k, {
          client: s.src, cport: s.sport, server: s.dst, sport: s.dport, synNs: s.ns, synAckNs: null,
          established: false, ackNs: null, refused: false,
          clientLocal: s.dirs.includes('send'), serverLocal: s.dirs.includes('receive'), firstDataFromServerNs: null,
        });
      } else {
        conns.get(k)!.synNs = s.ns; // a retransmitted SYN: the latest
      }
      continue;
    }
    const fromClient = conns.get(key(s.src, s.sport, s.dst, s.dport));
    const fromServer = conns.get(key(s.dst, s.dport, s.src, s.sport));
    if (fromServer !== undefined) {
      if (syn && ack && fromServer.synAckNs === null) fromServer.synAckNs = s.ns;
      if (rst && fromServer.synAckNs === null) fromServer.refused = true;
      const payload = s.plen - s.hdrLen;
      if (payload > 0 && fromServer.firstDataFromServerNs === null) fromServer.firstDataFromServerNs = s.ns;
    } else if (fromClient !== undefined) {
      if (ack && !syn && !rst && fromClient.synAckNs !== null && !fromClient.established) {
        fromClient.established = true;
        fromClient.ackNs = s.ns;
      }
    }
  }
  return [...conns.values()];
}

/**
 * The state changes a kernel makes at each local end, per RFC 9293's event
 * processing (ACK before FIN within a segment), for captures in which every
 * connection starts with its SYN; null otherwise. TIME-WAIT's timer and the
 * listener's own LISTEN are outside any capture and not modelled.
 * Returns "old>new" strings, one per transition.
 */
export function stateTransitions(ref: Reference): string[] | null {
  return timedTransitions(ref)?.map((t) => `${t.from}>${t.to}`) ?? null;
}

/** One state change of stateTransitions(), with the segment (frame, time) that caused it and its local end. */
export interface Transition {
  from: string;
  to: string;
  frame: number;
  ns: number;
  /** "laddr:lport>raddr:rport" of the local end. */
  local: string;
}

/** stateTransitions() with when and where each change happened. */
export function timedTransitions(ref: Reference): Transition[] | null {
  interface End { state: string; finSeq: number | null }
  const ends = new Map<string, End>();
  const out: Transition[] = [];
  let cur: { frame: number; ns: number; local: string } = { frame: 0, ns: 0, local: '' };
  const go = (e: End, to: string): void => { out.push({ from: e.state, to, ...cur }); e.state = to; };
  const acks = (ack: number, seq: number): boolean => ((ack - seq) | 0) > 0; // ack is past seq (mod 2^32)
  for (const { l: s, dir } of firings(ref.tcp)) {
    const local = dir === 'send' ? `${s.src}:${s.sport}>${s.dst}:${s.dport}` : `${s.dst}:${s.dport}>${s.src}:${s.sport}`;
    cur = { frame: s.frame, ns: s.ns, local };
    const syn = (s.flags & TH_SYN) !== 0, ack = (s.flags & TH_ACK) !== 0, rst = (s.flags & TH_RST) !== 0, fin = (s.flags & TH_FIN) !== 0;
    let e = ends.get(local);
    if (e === undefined) {
      if (!syn) {
        if (!ack || rst) continue; // a probe no connection owns (null/Xmas scan) or the RST answering one
        return null; // a connection already open when the capture started
      }
      if (dir === 'send' && !ack) { e = { state: 'closed', finSeq: null }; ends.set(local, e); go(e, 'syn-sent'); }
      else if (dir === 'receive' && !ack) {
        // A SYN to a listener, unless the local answer is an RST (nothing listens: accept-refused).
        const answer = ref.tcp.find((t) => t.ns >= s.ns && t !== s && t.src === s.dst && t.sport === s.dport && t.dst === s.src && t.dport === s.sport);
        if (answer !== undefined && (answer.flags & TH_RST) !== 0) continue;
        e = { state: 'listen', finSeq: null }; ends.set(local, e); go(e, 'syn-received');
      }
      continue;
    }
    if (e.state === 'closed') continue;
    if (dir === 'send') {
      if (rst) { go(e, 'closed'); continue; }
      if (fin && e.finSeq === null) {
        e.finSeq = (s.seq + (s.plen - s.hdrLen) + (syn ? 1 : 0)) >>> 0;
        if (e.state === 'established' || e.state === 'syn-received') go(e, 'fin-wait-1');
        else if (e.state === 'close-wait') go(e, 'last-ack');
      }
      continue;
    }
    // receive
    if (rst) { go(e, 'closed'); continue; }
    if (e.state === 'syn-sent' && syn && ack) { go(e, 'established'); continue; }
    if (ack) {
      const finAcked = e.finSeq !== null && acks(ref.acks.get(s.frame)!, e.finSeq);
      if (e.state === 'syn-received') go(e, 'established');
      else if (e.state === 'fin-wait-1' && finAcked) go(e, 'fin-wait-2');
      else if (e.state === 'closing' && finAcked) go(e, 'time-wait');
      else if (e.state === 'last-ack' && finAcked) go(e, 'closed');
    }
    if (fin) {
      if (e.state === 'established') go(e, 'close-wait');
      else if (e.state === 'fin-wait-1') go(e, 'closing');
      else if (e.state === 'fin-wait-2') go(e, 'time-wait');
    }
  }
  return out;
}
