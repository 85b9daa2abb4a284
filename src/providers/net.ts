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
 *   4. fragments (the layer's `fragment` flag; DecodedFrame.fragmented is the
 *      one test an unfragmented frame pays): ip:::send/receive and
 *      ipvN:::send/receive fire per fragment as captured; read, write and
 *      tcp/udp fire once per datagram, on the reassembled bytes — received:
 *      after the ip:::receive of the fragment that completes it
 *      (decode/reassembly, with Linux's rules and bounds; a datagram IP
 *      drops, or a fragment it drops alone, fires ipvN:::drop-in once);
 *      sent: before the ip:::send of its first fragment in the capture
 *      (send-ahead.ts: the capture loop holds frames until the datagram is
 *      whole and sets `sendNote`). Layers inside a fragment are the
 *      datagram's: they fire from the reassembled packet, on their tunnel
 *      interfaces, never from the fragment.
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
  type Datagram, DecodedFrame, DIR_OUT, IpLayer, K_IPV4, K_IPV6, KIND_NAMES, L4_ESP, L4_SCTP, L4_TCP, L4_UDP, LINUX_LIMITS,
  M_BAD_HEADER_LENGTH, M_BAD_TOTAL_LENGTH, M_BAD_VERSION, MAX_IP_LAYERS, R_BAD, R_DISCARD, R_DONE, R_DUP, Reassembler,
  type ReassemblyLimits, TUN_ESP,
} from '../decode/index.ts';
import {
  CsInfo, fillIfInfo, fillIpInfo, fillIpv4Info, fillIpv6Info, IfInfo, IpInfo, Ipv4Info, Ipv6Info, PktInfo,
} from './args.ts';
import { headerSum32 } from './checksum.ts';
import { DirectionResolver } from './direction.ts';
import { FlowTable } from './flows.ts';
import { isLoopbackAddr, LocalSet } from './locals.ts';
import type { NetProbes } from './probes.ts';
import { firstFragment, SendAhead, type SentNote } from './send-ahead.ts';
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
const NO_LINES: string[] = [];
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
  /** The buffer before the last one and its view: frames alternate between the reader's chunk and the ESP decryptor's scratch copy. */
  private altBuf: Uint8Array | null = null;
  private altView: DataView | null = null;
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
  /** The DataView over the bytes of the frame being fired (the chunk's, or a reassembled datagram's). */
  private view!: DataView;
  /** Received fragments (delivered ones) and the datagrams they make, decoded into one frame per nesting level. */
  readonly reasm: Reassembler;
  private readonly rframes: DecodedFrame[] = [];
  /** A held datagram's first fragment, decoded for its drop-in. */
  private readonly held = new DecodedFrame();
  /** Sent fragments, assembled ahead of their firings (the capture loop drives it). */
  readonly ahead: SendAhead;
  /**
   * Set by the capture loop before frameAtClock(): the sent datagram whose
   * first fragment in the capture this frame carries (SendAhead.feed); read
   * and cleared by the frame's send path.
   */
  sendNote: SentNote | null = null;
  /** The stack() lines below the fragment layer being reassembled (the datagram's firings add its own path on top). */
  private outerLines: string[] = NO_LINES;

  constructor(private readonly p: NetProbes, private readonly sink: FiringSink, resolver?: DirectionResolver, uses?: NetUses,
    limits: ReassemblyLimits = LINUX_LIMITS) {
    this.ctx = sink.ctx;
    this.reasm = new Reassembler(limits);
    this.ahead = new SendAhead(this.reasm.stats, limits);
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
      const b = this.lastBuf, v = this.lastView;
      if (f.buf === this.altBuf) {
        this.lastBuf = this.altBuf;
        this.lastView = this.altView;
      } else {
        this.lastBuf = f.buf;
        this.lastView = new DataView(f.buf.buffer, f.buf.byteOffset, f.buf.byteLength);
      }
      this.altBuf = b;
      this.altView = v;
    }
    c.mem = f.buf;
    c.memView = this.lastView;
    this.view = this.lastView!;
    c.memStart = f.start;
    c.memLen = f.end - f.start;
    // Always PACKET_BASE (a double: storing it anew would box it every frame).
    if (c.memBase !== PACKET_BASE) c.memBase = PACKET_BASE;
    if (this.wantStack) this.stack(f);
    this.outerLines = NO_LINES;
    if (f.ifName !== this.lastIfName) { this.lastIfName = f.ifName; this.lastIfTunnel = TUNNEL_IF.test(f.ifName); this.lastIfLo = isLoName(f.ifName); }
    this.tunnelIf = this.lastIfTunnel;

    const l0 = f.ipCount > 0 ? f.ip[0]! : null;
    this.loop = f.linkType === LINKTYPE.NULL || f.linkType === LINKTYPE.LOOP || this.lastIfLo ||
      (l0 !== null && ((isLoopbackAddr(f.buf, l0.srcOff, l0.addrLen) && isLoopbackAddr(f.buf, l0.dstOff, l0.addrLen)) ||
        (l0.addrLen === 4 ? this.view.getUint32(l0.srcOff) === this.view.getUint32(l0.dstOff) : sameAddr(f.buf, l0.srcOff, l0.dstOff, l0.addrLen))));
    if (this.loop) {
      this.sendPath(f, true);
      this.receivePath(f);
    } else if (this.resolver.direction(f) === DIR_OUT) {
      this.sendPath(f, false);
    } else {
      this.receivePath(f);
    }
    this.sendNote = null;
  }

  /**
   * For the capture loop's send-ahead: the outermost fragment layer of a
   * frame whose transport the host sends itself (loopback, or sent and
   * originated here, without link-layer errors), else null. Decided as
   * frameAtClock() decides, without firing anything.
   */
  sentFragment(f: DecodedFrame, rec: PacketRecord): IpLayer | null {
    if (!f.fragmented || !this.any || (rec.epbFlags & EPB_LINK_ERRORS) !== 0) return null;
    if (!isLoName(f.ifName) && !isLoopFrame(f) && (this.resolver.direction(f) !== DIR_OUT || !this.resolver.mine(f, true))) return null;
    const k = firstFragment(f);
    return k >= 0 ? f.ip[k]! : null;
  }

  /** When the oldest received datagram being reassembled times out (capture ns), Infinity when none. */
  get deadline(): number { return this.reasm.deadline; }

  /**
   * Capture time `nowNs` (ns, as clock()'s second argument) has come: every
   * held datagram whose time is up fires ipvN:::drop-in, at its deadline,
   * with its first fragment's arguments (as Linux's ip_expire drops the
   * queue). `tsNs` is `timestamp` at nowNs.
   */
  expire(tsNs: DInt, nowNs: number): void {
    const gone = this.reasm.expire(nowNs);
    if (gone.length === 0) return;
    this.clock(tsNs, nowNs);
    const c = this.ctx;
    c.cpu = 0; c.pid = 0; c.execname = '';
    this.cs.cs_pid = 0;
    for (const dg of gone) this.dropHeld(dg, true);
  }

  /** The end of the capture: what reassembly could not finish is counted; its warning lines. */
  finish(): string[] {
    this.reasm.drain();
    return this.reasm.summary();
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
    // (this.f is the frame being fired: the captured one, or a datagram reassembled from it.)
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
    const originated = loop || this.resolver.mine(f, true);
    this.sendLayers(f, originated, dropped, loop, true, this.sendNote);
  }

  /**
   * The send path over the layers of `f`, innermost first. `ipAtZero` is
   * false for a reassembled datagram, whose outer header fired ip:::send
   * per fragment. A fragment layer ends what `f` can say: the layers above
   * it are the datagram's, fired from `note` (the datagram, when this frame
   * carries its first fragment in the capture), whose transport and write
   * fire once, before the fragment's ip:::send.
   */
  private sendLayers(f: DecodedFrame, originated: boolean, dropped: boolean, loop: boolean, ipAtZero: boolean, note: SentNote | null): void {
    const n = f.ipCount;
    let top = n - 1;
    let k = -1;
    if (f.fragmented) {
      k = firstFragment(f);
      if (k >= 0) {
        top = k;
        if (note !== null && note.frame !== null && originated && !dropped) this.sendDatagram(note, f, f.ip[k]!, loop);
      }
    }
    for (let i = top; i >= 0; i--) {
      const l = f.ip[i]!;
      this.prepare(l, true);
      const pv = l.version === 4 ? this.p.ipv4 : this.p.ipv6;
      if (i !== k) {
        if (originated && !dropped) this.transport(l, true, i < n - 1);
        if (originated) this.fireWrite(pv.write, l);
      }
      if (i === 0 && !ipAtZero) continue;
      if (dropped) { this.fireProto(pv['drop-out'], l); continue; }
      this.fireIp(this.p.ipSend[l.version === 4 ? 4 : 6][loop ? 1 : 0], l);
      this.fireProto(loop ? pv['local-send'] : pv.send, l);
    }
  }

  /**
   * A sent datagram's firings above its fragments: its inner layers' whole
   * send path, then its own transport and ipvN:::write (its outer header's
   * ip:::send fires per fragment). `l` is the fragment layer of `f` it
   * stands above.
   */
  private sendDatagram(note: SentNote, f: DecodedFrame, l: IpLayer, loop: boolean): void {
    const g = note.frame!;
    const saved = this.enter(g, f, l);
    if (note.partial) {
      const l0 = g.ip[0]!;
      this.prepare(l0, true);
      this.transport(l0, true, g.ipCount > 1);
      this.fireWrite(l0.version === 4 ? this.p.ipv4.write : this.p.ipv6.write, l0);
    } else {
      this.sendLayers(g, true, false, loop, false, g.note);
    }
    this.leave(saved);
  }

  /**
   * ipvN:::write. For IPsec ESP leaving a NIC, write fires at the top of IP,
   * before ESP encapsulation, so (as in the Prototype #2 IPsec transcript,
   * where write shows 88 and send 140) its payload is the tunnel packet just
   * sent on the tunnel interface (ip.tun0 …): its whole length, when one was
   * sent within the last second; else the layer's own. An inner packet
   * decrypted from the ESP itself (keys given: tunnel TUN_ESP, fired just
   * before its carrier) is that tunnel packet.
   */
  private fireWrite(p: Probe, l: IpLayer): void {
    const espInner = l.tunnel === TUN_ESP;
    if (this.on[p.id] !== 1 && !this.tunnelIf && !espInner) return;
    if ((this.tunnelIf && l.depth === 0) || espInner) {
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
    const delivered = this.loop || this.resolver.mine(f, false);
    if (this.receiveLayers(f, delivered, true, 0)) this.malformedIp(f);
  }

  /**
   * The receive path over the layers of `f`, outermost first; `ipAtZero` is
   * false for a reassembled datagram (its outer header fired per fragment).
   * A fragment layer goes to reassembly and ends the walk (what lies above
   * it is the datagram's). False when the walk stopped early (a drop or a
   * fragment): a malformation beyond that point is not IP's to drop.
   */
  private receiveLayers(f: DecodedFrame, delivered: boolean, ipAtZero: boolean, level: number): boolean {
    const n = f.ipCount;
    for (let i = 0; i < n; i++) {
      const l = f.ip[i]!;
      this.prepare(l, false);
      const pv = l.version === 4 ? this.p.ipv4 : this.p.ipv6;
      if (i > 0 || ipAtZero) {
        if (this.wouldDrop(f, l)) { this.fireProto(pv['drop-in'], l); return false; }
        this.fireIp(this.p.ipReceive[l.version === 4 ? 4 : 6][this.loop ? 1 : 0], l);
        this.fireProto(this.loop ? pv['local-receive'] : pv.receive, l);
      }
      if (l.fragment) {
        if (delivered) this.reassemble(f, l, level);
        return false;
      }
      if (delivered) {
        this.fireProto(pv.read, l);
        this.transport(l, false, i < n - 1);
      }
    }
    return true;
  }

  /**
   * A received fragment (layer `l` of `f`, whose ip:::receive fired): into
   * reassembly. A datagram evicted for room fires drop-in; so does this
   * fragment when IP drops it or the datagram it belonged to; a completed
   * datagram is delivered: read and transport on its reassembled header,
   * then the receive path of what it carries.
   */
  private reassemble(f: DecodedFrame, l: IpLayer, level: number): void {
    const r = this.reasm;
    const st = r.add(f, l, this.nowNs);
    if (r.evicted.length > 0) {
      for (const dg of r.evicted) this.dropHeld(dg, false);
      this.prepare(l, false);
    }
    if (st === R_DONE) {
      if (level >= MAX_IP_LAYERS) return;
      let g = this.rframes[level];
      if (g === undefined) { g = new DecodedFrame(); this.rframes[level] = g; }
      // ESP the network fragmented is decrypted once reassembled, with the frame's keys.
      if (f.ipsec !== null && g.ipsec?.origin !== f.ipsec) g.ipsec = f.ipsec.forReassembly?.() ?? null;
      r.build(r.dg!, g, f, l);
      const saved = this.enter(g, f, l);
      if (this.receiveLayers(g, true, false, level + 1)) this.malformedIp(g);
      this.leave(saved);
    } else if (st === R_DISCARD || st === R_BAD || st === R_DUP) {
      this.fireProto(l.version === 4 ? this.p.ipv4['drop-in'] : this.p.ipv6['drop-in'], l);
    }
  }

  /**
   * ipvN:::drop-in for a datagram reassembly gave up on while held (timed
   * out, or evicted for room): once, with the arguments of its first
   * fragment to arrive, on that fragment's interface. `alone`: fired between
   * packets (a timer), so the packet context is that fragment's.
   */
  private dropHeld(dg: Datagram, alone: boolean): void {
    const d = this.held;
    this.reasm.decodeRep(dg, d);
    if (d.ipCount === 0) return;
    const keepLoop = this.loop;
    const keepFrame = this.pkt.pkt_addr;
    this.loop = isLoName(d.ifName) || isLoopFrame(d);
    this.pkt.pkt_addr = d.frame;
    if (alone) this.ctx.frame = d.frame;
    const saved = this.enter(d, null, null);
    const l = d.ip[0]!;
    this.prepare(l, false);
    this.fireProto(l.version === 4 ? this.p.ipv4['drop-in'] : this.p.ipv6['drop-in'], l);
    this.leave(saved);
    this.loop = keepLoop;
    this.pkt.pkt_addr = keepFrame;
  }

  /**
   * Makes `g` (a datagram's own bytes) the frame being fired: raw header
   * pointers and payload reads see its bytes, stack() its path above the
   * layers of `f` below the fragment `l` (f null: g alone). Returns what
   * leave() restores.
   */
  private enter(g: DecodedFrame, f: DecodedFrame | null, l: IpLayer | null): Saved {
    const c = this.ctx;
    const saved: Saved = {
      f: this.f, view: this.view, mem: c.mem, memView: c.memView, memStart: c.memStart, memLen: c.memLen,
      lines: c.stackLines, outer: this.outerLines,
    };
    const view = new DataView(g.buf.buffer, g.buf.byteOffset, g.buf.byteLength);
    this.f = g;
    this.view = view;
    c.mem = g.buf;
    c.memView = view;
    c.memStart = g.start;
    c.memLen = g.end - g.start;
    if (this.wantStack) {
      const outer: string[] = [];
      if (f !== null && l !== null) {
        for (let i = f.pathLen - 1; i >= 0; i--) if (f.pathOff[i]! < l.off) outer.push(KIND_NAMES[f.pathKind[i]!] ?? '?');
        outer.push(...this.outerLines); // f's own outer part when f is itself a datagram
      }
      const lines: string[] = [];
      for (let i = g.pathLen - 1; i >= 0; i--) lines.push(KIND_NAMES[g.pathKind[i]!] ?? '?');
      lines.push(...outer);
      this.outerLines = outer;
      c.stackLines = lines;
    }
    return saved;
  }

  private leave(s: Saved): void {
    const c = this.ctx;
    this.f = s.f;
    this.view = s.view;
    c.mem = s.mem;
    c.memView = s.memView;
    c.memStart = s.memStart;
    c.memLen = s.memLen;
    c.stackLines = s.lines;
    this.outerLines = s.outer;
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
      if (f.end - off >= ihl && !(l.hdrCaptured && headerSum32(this.view, off, ihl) === 0xffff)) return true;
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

/** What enter() changes and leave() restores. */
interface Saved {
  f: DecodedFrame;
  view: DataView;
  mem: Uint8Array | null;
  memView: DataView | null;
  memStart: number;
  memLen: number;
  lines: string[];
  outer: string[];
}

/**
 * A loopback frame (besides an `lo` interface): link type NULL/LOOP,
 * loopback addresses at both ends, or one address at both ends (as
 * frameAtClock decides, which reads the IPv4 addresses through its view).
 */
function isLoopFrame(f: DecodedFrame): boolean {
  if (f.linkType === LINKTYPE.NULL || f.linkType === LINKTYPE.LOOP) return true;
  if (f.ipCount === 0) return false;
  const l0 = f.ip[0]!;
  const b = f.buf;
  return (isLoopbackAddr(b, l0.srcOff, l0.addrLen) && isLoopbackAddr(b, l0.dstOff, l0.addrLen)) || sameAddr(b, l0.srcOff, l0.dstOff, l0.addrLen);
}

/** A packet from an address to itself never leaves the host (Linux captures it on lo). */
function sameAddr(b: Uint8Array, x: number, y: number, len: number): boolean {
  for (let i = 0; i < len; i++) if (b[x + i] !== b[y + i]) return false;
  return true;
}

function isLoName(n: string): boolean {
  return n.length >= 2 && n.charCodeAt(0) === 108 && n.charCodeAt(1) === 111 && (n.length === 2 || (n.charCodeAt(2) >= 48 && n.charCodeAt(2) <= 57));
}

