/**
 * NetProviders: one decoded frame in, its probe firings out, in the order a
 * Solaris/illumos kernel would have made them (README, "How packets become
 * probe firings").
 *
 * Per frame:
 *   1. the frame context: timestamps, cpu (epb_queue), the process (pid,
 *      execname, ppid, uid, zonename, curpsinfo: from a PKTAP header, Darwin
 *      process blocks, ptcpdump/etl2pcapng comments), the packet bytes for
 *      raw header pointers, stack();
 *   2. its direction (capture, then --local, then inference: direction.ts);
 *   3. the IP layers, each a packet of its own on its own interface:
 *      sent      innermost first:  [tcp/udp send] [ipvN write] ip:::send ipvN:::send
 *      received  outermost first:  ip:::receive ipvN:::receive [ipvN read] [tcp/udp receive]
 *      loopback  the send path, then the receive path (local-send/local-receive)
 *      dropped   a received layer IP would drop (bad header checksum, bad
 *                version or lengths) fires ipvN:::drop-in and stops the frame;
 *                a sent frame flagged with link-layer errors (epb_flags bits
 *                24-31) fires ipvN:::drop-out instead of send.
 *   write/read and tcp/udp fire only for locally originated / delivered
 *   packets; forwarded ones fire ip:::send/receive alone.
 *
 * Invariants: no allocation per firing; per frame only what the data needs
 * (address text, formatted once per address: addrcache.ts; the packet's byte
 * view). The flow key (tid, cs_cid, TCP's connection) is looked up only when
 * read, and stack() built only, when the engine says the program uses them
 * (NetUses; without that hint both are computed for every layer).
 */
import { byteString } from './bytestr.ts';
import { PACKET_BASE, type FireCtx } from '../d/runtime/context.ts';
import type { DInt } from '../d/runtime/int64.ts';
import type { Probe } from '../d/types/probes.ts';
import type { PacketRecord, ProcessDetail } from '../capture/types.ts';
import { LINKTYPE } from '../capture/types.ts';
import {
  DIR_OUT, type DecodedFrame, IpLayer, K_IPV4, K_IPV6, KIND_NAMES, L4_ESP, L4_SCTP, L4_TCP, L4_UDP, M_BAD_HEADER_LENGTH,
  M_BAD_TOTAL_LENGTH, M_BAD_VERSION,
} from '../decode/index.ts';
import {
  CsInfo, fillIfInfo, fillIpInfo, fillIpv4Info, fillIpv6Info, IfInfo, IpInfo, Ipv4Info, Ipv6Info, PktInfo,
} from './args.ts';
import { headerSum32 } from './checksum.ts';
import { DirectionResolver } from './direction.ts';
import { FlowTable } from './flows.ts';
import { isLoopbackAddr, LocalSet } from './locals.ts';
import type { NetProbes } from './probes.ts';
import type { FiringSink } from './sink.ts';
import { TcpProvider } from './tcp/provider.ts';
import { UdpProvider } from './udp.ts';

/** illumos bounds: execname (u_comm, MAXCOMLEN), pr_fname (PRFNSZ), pr_psargs (PRARGSZ), zonename (ZONENAME_MAX). */
const MAXCOMLEN = 16;
const PRFNSZ = 16;
const PRARGSZ = 80;
const ZONENAME_MAX = 64;

/** A D byte string cut to at most `n` bytes. */
function boundBytes(s: string, n: number): string {
  return s.length > n ? s.slice(0, n) : s;
}

/** epb_flags bits 24-31: link-layer errors (CRC, too long/short, ...) — the frame never made it. */
const EPB_LINK_ERRORS = 0xff000000;
/** Capture interfaces that are tunnels (IP-level, no link header of their own). */
const TUNNEL_IF = /^(ip\.tun|ip6\.tun|ipsec|tun|vti|ip6tnl|sit)\d*$/;

/** What the running program reads, when the engine can tell (else everything is assumed). */
export interface NetUses {
  /** `tid` or `self->` (the flow key per firing); cs_cid is computed on demand either way. */
  tid: boolean;
  /** stack() / stackdepth (the frame's layer path). */
  stack: boolean;
}

export class NetProviders {
  readonly tcp: TcpProvider;
  readonly udp: UdpProvider;
  readonly flows = new FlowTable();
  resolver: DirectionResolver;
  private readonly ctx: FireCtx;
  /** Whether each ip/ipv4/ipv6 probe (by id) has an enabled clause: a dense byte table, tested per firing. */
  private readonly on: Uint8Array;
  private readonly pkt = new PktInfo();
  private readonly cs = new CsInfo();
  private readonly ip = new IpInfo();
  private readonly ifi = new IfInfo();
  private readonly v4 = new Ipv4Info();
  private readonly v6 = new Ipv6Info();
  /** Whether anything at all is enabled on the network providers (else frames are skipped). */
  readonly any: boolean;
  private readonly anyIp: boolean;
  private lastBuf: Uint8Array | null = null;
  private lastView: DataView | null = null;
  private stackKey = new Uint8Array(64);
  private stackLen = -1;
  private lines: string[] = [];
  private readonly scratch = new IpLayer();
  private readonly base = PACKET_BASE;
  /** The current layer's header as a raw pointer (prepare() sets it; every firing of the layer passes it). */
  private hdr = 0;
  private f!: DecodedFrame;
  private nowNs = 0;
  private loop = false;
  private lastIfName = '';
  /** execname: the capture's process name and its D byte string (converted when it changes). */
  private lastExec = '';
  private lastExecBytes = '';
  /** The process details processDetail() last applied. */
  private lastProc: ProcessDetail | null = null;
  private lastIfTunnel = false;
  private lastIfLo = false;
  /** The frame's capture interface is a tunnel's (ip.tun0, ipsec0, tun0, vti0): see fireWrite. */
  private tunnelIf = false;
  private tunLen = -1;
  private tunNs = 0;
  /** The record's epb_flags (drop-out detection). */
  private recEpbErrors = 0;
  /** The layer prepare() last filled, and whether it was being sent: its flow key is computed on demand. */
  private curL: IpLayer | null = null;
  private curOut = false;
  private keyValid = true;
  private key = 0;
  /** The program reads tid / self->: fill ctx.tid for every layer. */
  private readonly eagerTid: boolean;
  private readonly wantStack: boolean;

  constructor(private readonly p: NetProbes, private readonly sink: FiringSink, resolver?: DirectionResolver, uses?: NetUses) {
    this.ctx = sink.ctx;
    this.eagerTid = uses?.tid ?? true;
    this.wantStack = uses?.stack ?? true;
    this.cs.src = this;
    this.resolver = resolver ?? new DirectionResolver(new LocalSet(), false, null);
    const ipProbes: Probe[] = [...p.ipSend[4], ...p.ipSend[6], ...p.ipReceive[4], ...p.ipReceive[6],
      ...Object.values(p.ipv4), ...Object.values(p.ipv6)];
    this.on = new Uint8Array(Math.max(0, ...ipProbes.map((q) => q.id)) + 1);
    for (const q of ipProbes) this.on[q.id] = sink.enabled(q) ? 1 : 0;
    this.anyIp = ipProbes.some((q) => this.on[q.id] === 1);
    this.tcp = new TcpProvider(p, sink);
    this.udp = new UdpProvider(p, sink);
    this.any = this.anyIp || this.tcp.active || this.udp.sendOn || this.udp.receiveOn;
  }

  /**
   * Fires everything for one frame. `tsNs` is its `timestamp` (ns since the
   * virtual boot; walltimestamp is derived from it through ctx.wallDeltaNs,
   * set once per run), `nowNs` a plain-number clock for RTT estimates.
   */
  frame(f: DecodedFrame, rec: PacketRecord, tsNs: DInt, nowNs: number): void {
    this.clock(tsNs, nowNs);
    this.frameAtClock(f, rec);
  }

  /**
   * The next frame's clock, as frame() takes it. The capture loop sets it apart
   * from frameAtClock(): two doubles passed to a call that is not inlined are
   * boxed (two heap numbers per frame); this small setter is inlined instead.
   */
  clock(tsNs: DInt, nowNs: number): void {
    const c = this.ctx;
    this.nowNs = nowNs;
    c.tsNs = tsNs;
    c.vtsNs = nowNs;
  }

  /** frame() for a frame whose clock() is already set. */
  frameAtClock(f: DecodedFrame, rec: PacketRecord): void {
    if (!this.any) return;
    const c = this.ctx;
    this.f = f;
    c.frame = f.frame;
    c.cpu = rec.queue >= 0 ? rec.queue : 0;
    this.recEpbErrors = rec.epbFlags;
    let pid: number;
    if (f.procSet) {
      // PKTAP: the frame's own header names the process (its names are already byte strings).
      pid = f.procPid >= 0 ? f.procPid : f.effPid >= 0 ? f.effPid : 0;
      const exec = f.procName !== '' ? f.procName : f.effProcName;
      if (exec !== this.lastExec) { this.lastExec = exec; this.lastExecBytes = boundBytes(exec, MAXCOMLEN); }
    } else {
      pid = rec.pid >= 0 ? rec.pid : rec.effPid >= 0 ? rec.effPid : 0;
      const exec = rec.procName !== '' ? rec.procName : rec.effProcName;
      if (exec !== this.lastExec) { this.lastExec = exec; this.lastExecBytes = boundBytes(byteString(exec), MAXCOMLEN); }
    }
    c.pid = pid;
    c.execname = this.lastExecBytes;
    if (rec.proc !== this.lastProc || pid !== c.psinfo.pr_pid) this.processDetail(rec.proc, pid);
    this.pkt.pkt_addr = f.frame;
    this.cs.cs_pid = pid;
    // Raw header pointers read the packet's bytes in the reader's chunk: one DataView per chunk,
    // bounds per frame (nothing allocated per packet). mem is set every frame: ticks clear it.
    if (f.buf !== this.lastBuf) {
      this.lastBuf = f.buf;
      this.lastView = new DataView(f.buf.buffer, f.buf.byteOffset, f.buf.byteLength);
    }
    c.mem = f.buf;
    c.memView = this.lastView;
    c.memStart = f.start;
    c.memLen = f.end - f.start;
    // Always PACKET_BASE (a double: storing it anew would box it every frame).
    if (c.memBase !== PACKET_BASE) c.memBase = PACKET_BASE;
    if (this.wantStack) this.stack(f);
    if (f.ifName !== this.lastIfName) { this.lastIfName = f.ifName; this.lastIfTunnel = TUNNEL_IF.test(f.ifName); this.lastIfLo = isLoName(f.ifName); }
    this.tunnelIf = this.lastIfTunnel;

    const n = f.ipCount;
    const l0 = n > 0 ? f.ip[0]! : null;
    this.loop = f.linkType === LINKTYPE.NULL || f.linkType === LINKTYPE.LOOP || this.lastIfLo ||
      (l0 !== null && ((isLoopbackAddr(f.buf, l0.srcOff, l0.addrLen) && isLoopbackAddr(f.buf, l0.dstOff, l0.addrLen)) ||
        (l0.addrLen === 4 ? this.lastView!.getUint32(l0.srcOff) === this.lastView!.getUint32(l0.dstOff) : sameAddr(f.buf, l0.srcOff, l0.dstOff, l0.addrLen))));
    if (this.loop) {
      this.sendPath(f, true);
      this.receivePath(f);
      return;
    }
    const dir = this.resolver.direction(f);
    if (dir === DIR_OUT) this.sendPath(f, false);
    else this.receivePath(f);
  }

  /**
   * ppid, uid, zonename and curpsinfo from the record's process details
   * (ptcpdump comments), bounded as illumos bounds them; zeros, "global" and
   * empty strings when the capture does not say. Runs only when the details
   * or the pid change.
   */
  private processDetail(d: ProcessDetail | null, pid: number): void {
    const c = this.ctx;
    const ps = c.psinfo;
    this.lastProc = d;
    ps.pr_pid = pid;
    ps.pr_fname = this.lastExecBytes.length > PRFNSZ - 1 ? this.lastExecBytes.slice(0, PRFNSZ - 1) : this.lastExecBytes;
    if (d === null) {
      c.ppid = 0; c.uid = 0; c.gid = 0; c.zonename = 'global';
      ps.pr_ppid = 0; ps.pr_uid = 0; ps.pr_euid = 0; ps.pr_gid = 0; ps.pr_egid = 0; ps.pr_psargs = ''; ps.pr_argc = 0;
      return;
    }
    c.ppid = d.ppid >= 0 ? d.ppid : 0;
    c.uid = d.uid >= 0 ? d.uid : 0;
    c.gid = d.gid >= 0 ? d.gid : 0;
    c.zonename = d.container !== '' ? boundBytes(byteString(d.container), ZONENAME_MAX - 1) : 'global';
    ps.pr_ppid = c.ppid;
    ps.pr_uid = c.uid;
    ps.pr_euid = c.uid;
    ps.pr_gid = c.gid;
    ps.pr_egid = c.gid;
    ps.pr_psargs = d.args !== '' ? boundBytes(byteString(d.args), PRARGSZ - 1) : '';
    ps.pr_argc = d.args !== '' ? d.args.split(' ').length : 0;
  }

  /** stack(): the layer path innermost first, rebuilt only when it differs from the previous frame's. */
  private stack(f: DecodedFrame): void {
    const n = f.pathLen;
    let same = n === this.stackLen && this.ctx.stackLines === this.lines; // a tick may have cleared it
    for (let i = 0; same && i < n; i++) if (this.stackKey[i] !== f.pathKind[i]) same = false;
    if (same) return;
    this.stackLen = n;
    const lines: string[] = [];
    for (let i = n - 1; i >= 0; i--) { this.stackKey[i] = f.pathKind[i]!; lines.push(KIND_NAMES[f.pathKind[i]!] ?? '?'); }
    this.ctx.stackLines = lines;
    this.lines = lines;
  }

  /**
   * Fills the shared per-layer arguments, and the firing's tid when the
   * program reads it. tid and cs_cid are the local end of the layer's flow
   * (flowKey), computed here only when needed — a flow-table lookup per
   * layer is a good part of a simple script's time.
   */
  private prepare(l: IpLayer, out: boolean): void {
    const f = this.f;
    fillIpInfo(this.ip, f, l);
    fillIfInfo(this.ifi, l.ifName, this.loop);
    if (l.version === 4) fillIpv4Info(this.v4, f, l, this.base);
    else fillIpv6Info(this.v6, f, l, this.base);
    this.hdr = this.base + (l.off - f.start);
    this.curL = l;
    this.curOut = out;
    this.keyValid = false;
    if (this.eagerTid) this.ctx.tid = this.flowKey();
  }

  /**
   * The local end of the current layer's flow (flow id * 2 + which end), so
   * both directions of a connection share it while the two ends of a
   * loopback connection — two conn_t, two threads in a kernel — do not.
   */
  flowKey(): number {
    if (this.keyValid) return this.key;
    const l = this.curL;
    if (l === null) return 0;
    let sp = 0, dp = 0;
    if (l.l4 === L4_TCP) { sp = l.tcp.srcPort; dp = l.tcp.dstPort; } else if (l.l4 === L4_UDP) { sp = l.udp.srcPort; dp = l.udp.dstPort; } else if (l.l4 === L4_SCTP) { sp = l.sctp.srcPort; dp = l.sctp.dstPort; }
    const flow = this.flows.id(this.f.buf, l.srcOff, l.dstOff, l.addrLen, l.upper, sp, dp);
    // The local end is the source when sending, the destination when receiving.
    const srcFirst = !this.flows.swapped;
    this.key = flow * 2 + ((this.curOut ? srcFirst : !srcFirst) ? 0 : 1);
    this.keyValid = true;
    return this.key;
  }

  private sendPath(f: DecodedFrame, loop: boolean): void {
    const dropped = (this.recEpbErrors & EPB_LINK_ERRORS) !== 0;
    const n = f.ipCount;
    const originated = loop || this.resolver.mine(f, true);
    for (let i = n - 1; i >= 0; i--) {
      const l = f.ip[i]!;
      this.prepare(l, true);
      const carrier = i < n - 1;
      if (originated && !dropped) this.transport(l, true, carrier);
      const pv = l.version === 4 ? this.p.ipv4 : this.p.ipv6;
      if (originated) this.fireWrite(pv.write, l);
      if (dropped) { this.fireProto(pv['drop-out'], l); continue; }
      this.fireIp(this.p.ipSend[l.version === 4 ? 4 : 6][loop ? 1 : 0], l);
      this.fireProto(loop ? pv['local-send'] : pv.send, l);
    }
  }

  /**
   * ipvN:::write. For IPsec ESP leaving a NIC, write fires at the top of IP,
   * before ESP encapsulation, so (as in the Prototype #2 IPsec transcript,
   * where write shows 88 and send 140) its payload is the tunnel packet just
   * sent on the tunnel interface (ip.tun0 …): its whole length, when one was
   * sent within the last second; else the layer's own.
   */
  private fireWrite(p: Probe, l: IpLayer): void {
    if (this.on[p.id] !== 1 && !this.tunnelIf) return;
    if (this.tunnelIf && l.depth === 0) {
      this.tunLen = l.version === 4 ? l.totalLength : l.plen + 40;
      this.tunNs = this.nowNs;
    }
    if (this.on[p.id] !== 1) return;
    const esp = l.l4 === L4_ESP || l.esp.natt;
    if (esp && l.depth === 0 && !this.tunnelIf && this.tunLen >= 0 && this.nowNs - this.tunNs <= 1e9 && this.nowNs >= this.tunNs) {
      const keep = this.ip.ip_plength;
      this.ip.ip_plength = this.tunLen;
      this.tunLen = -1;
      this.fireProto(p, l);
      this.ip.ip_plength = keep;
      return;
    }
    this.fireProto(p, l);
  }

  private receivePath(f: DecodedFrame): void {
    const n = f.ipCount;
    const delivered = this.loop || this.resolver.mine(f, false);
    for (let i = 0; i < n; i++) {
      const l = f.ip[i]!;
      this.prepare(l, false);
      const pv = l.version === 4 ? this.p.ipv4 : this.p.ipv6;
      if (this.wouldDrop(f, l)) { this.fireProto(pv['drop-in'], l); return; }
      this.fireIp(this.p.ipReceive[l.version === 4 ? 4 : 6][this.loop ? 1 : 0], l);
      this.fireProto(this.loop ? pv['local-receive'] : pv.receive, l);
      if (delivered) {
        this.fireProto(pv.read, l);
        this.transport(l, false, i < n - 1);
      }
    }
    this.malformedIp(f);
  }

  /**
   * Header checksum (when the whole header was captured), or lengths longer
   * than the frame. The checksum test is IpLayer.checksumValid's, summed in
   * 32-bit words (checksum.ts).
   */
  private wouldDrop(f: DecodedFrame, l: IpLayer): boolean {
    const wireEnd = f.start + f.wireLen;
    if (l.version === 4) {
      const ihl = l.ihl;
      const off = l.off;
      if (f.end - off >= ihl && !(l.hdrCaptured && headerSum32(this.lastView!, off, ihl) === 0xffff)) return true;
      const total = l.totalLength;
      return total !== 0 && off + total > wireEnd;
    }
    return l.off + 40 + l.plen > wireEnd && l.plen !== 0;
  }

  /** An IP header the decoder rejected (bad version, header or total length): IP drops it on input. */
  private malformedIp(f: DecodedFrame): void {
    const r = f.malReason;
    if (r !== M_BAD_VERSION && r !== M_BAD_HEADER_LENGTH && r !== M_BAD_TOTAL_LENGTH) return;
    if (f.malKind !== K_IPV4 && f.malKind !== K_IPV6) return;
    const off = f.start + f.malOffset;
    const v6 = f.malKind === K_IPV6;
    const need = v6 ? 40 : 20;
    if (f.end - off < need) return;
    const b = f.buf;
    const l = this.scratch;
    l.reset(f.ipCount);
    l.off = off;
    l.buf = b;
    l.version = b[off]! >> 4;
    l.addrLen = v6 ? 16 : 4;
    l.srcOff = off + (v6 ? 8 : 12);
    l.dstOff = off + (v6 ? 24 : 16);
    l.ifName = f.ipCount > 0 ? f.ip[f.ipCount - 1]!.ifName : f.ifName;
    // The header's other fields are views of its bytes (IpLayer), read once version says which.
    if (v6) {
      l.plen = (b[off + 4]! << 8) | b[off + 5]!;
      l.plength = l.plen;
      l.nextHeader = b[off + 6]!;
    } else {
      l.ihl = (b[off]! & 15) << 2;
      l.hdrLen = l.ihl;
      l.plength = ((b[off + 2]! << 8) | b[off + 3]!) - l.ihl;
      l.protocol = b[off + 9]!;
      l.upper = l.protocol;
    }
    const keep = l.version;
    l.version = v6 ? 6 : 4; // which translator applies
    this.prepare(l, false);
    this.ip.ip_ver = keep; // ip_ver shows the header's own (bad) nibble
    if (v6) this.v6.ipv6_ver = keep; else this.v4.ipv4_ver = keep;
    this.fireProto(v6 ? this.p.ipv6['drop-in'] : this.p.ipv4['drop-in'], l);
  }

  /** tcp/udp for the layer's transport (TCP keys its connections by the local end's flow key). */
  private transport(l: IpLayer, out: boolean, carrier: boolean): void {
    if (l.l4 === L4_TCP) {
      if (!this.tcp.active || l.laterFragment) return;
      const key = this.flowKey();
      this.tcp.segment(this.f, l, out, key, key >> 1, this.pkt, this.cs, this.ip, this.base, this.nowNs);
    } else if (l.l4 === L4_UDP && (out ? this.udp.sendOn : this.udp.receiveOn) && !carrier && !l.esp.natt) {
      this.udp.datagram(this.f, l, out, this.pkt, this.cs, this.ip, this.base);
    }
  }

  private fireIp(p: Probe, l: IpLayer): void {
    if (this.on[p.id] !== 1) return;
    const a = this.ctx.args;
    const v4 = l.version === 4;
    a[0] = this.pkt; a[1] = this.cs; a[2] = this.ip; a[3] = this.ifi; a[4] = v4 ? this.v4 : null; a[5] = v4 ? null : this.v6;
    const arg = this.ctx.arg;
    const hdr = this.hdr;
    arg[0] = 0; arg[1] = 0; arg[2] = hdr; arg[3] = 0; arg[4] = v4 ? hdr : 0; arg[5] = v4 ? 0 : hdr; arg[6] = this.loop ? 1 : 0;
    this.sink.fire(p);
  }

  private fireProto(p: Probe, l: IpLayer): void {
    if (this.on[p.id] !== 1) return;
    const a = this.ctx.args;
    a[0] = this.pkt; a[1] = this.ip; a[2] = this.ifi; a[3] = l.version === 4 ? this.v4 : this.v6; a[4] = null; a[5] = null;
    const arg = this.ctx.arg;
    const hdr = this.hdr;
    arg[0] = 0; arg[1] = hdr; arg[2] = 0; arg[3] = hdr; arg[4] = 0; arg[5] = 0;
    this.sink.fire(p);
  }
}

/** A packet from an address to itself never leaves the host (Linux captures it on lo). */
function sameAddr(b: Uint8Array, x: number, y: number, len: number): boolean {
  for (let i = 0; i < len; i++) if (b[x + i] !== b[y + i]) return false;
  return true;
}

function isLoName(n: string): boolean {
  return n.length >= 2 && n.charCodeAt(0) === 108 && n.charCodeAt(1) === 111 && (n.length === 2 || (n.charCodeAt(2) >= 48 && n.charCodeAt(2) <= 57));
}

