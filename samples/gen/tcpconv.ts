/**
 * tcpconv.ts — realistic TCP conversations with deterministic timestamps.
 *
 * A TcpConv plays both ends of one connection as seen from a capture point on
 * one of the hosts (the *local* side; the other is *remote*). It keeps each
 * side's send sequence, receive point and advertised window, and emits IP
 * packets (from craft.ts) with nanosecond times:
 *
 *  - the local side's packets are stamped `proc` after what triggered them
 *    (an application write or a received segment);
 *  - the remote side's replies to a local packet are stamped one `rtt` later
 *    (the round trip as the capture point sees it);
 *  - `wait(ns)` advances the clock for things the applications do on their own.
 *
 * Behaviours: the 3-way handshake with each side's options; data segmented at
 * the peer's MSS, the receiver ACKing every second full segment at once and
 * otherwise after its delayed-ACK interval, unless it piggybacks the ACK on
 * data first; FIN/ACK close; RST/ACK for a closed port; SYN retransmissions
 * with exponential backoff (1 s, 2 s, 4 s ...). Sequence numbers wrap at 2^32.
 *
 * Invariant: `packets` is in non-decreasing time order once `finish()` has run
 * (a pending delayed ACK is emitted when the clock passes its deadline).
 */
import { ipv4, ipv6, tcp, type Bytes, type Data, type TcpOption, bytes as toBytes, fill } from './craft.ts';

export interface TcpEnd {
  ip: string;
  port: number;
  isn: number;
  /** Advertised window (the raw 16-bit field; scaled windows divide by 2^wscale). */
  win: number;
  mss?: number;
  /** Window-scale shift to offer in the SYN; omitted: no option. */
  wscale?: number;
  sackOk?: boolean;
  /** Timestamps option: the side's TSval clock start (ms ticks). */
  tsval?: number;
  ttl?: number;
  /** Delayed-ACK interval of this side (ns). */
  delack?: bigint;
  /** SYN option layout: 'solaris' (MSS, NOP, WS, NOP, NOP, SACK-OK), 'linux' (MSS, SACK-OK, TS, NOP, WS), 'mss' (MSS only). */
  style?: 'solaris' | 'linux' | 'mss';
}

export type Side = 'a' | 'b';

export interface TcpPacket {
  t: bigint;
  /** Which end sent it. */
  from: Side;
  /** The IP packet (IPv4 or IPv6 header and the TCP segment). */
  ip: Bytes;
  /** TCP payload length, for tests and transcripts. */
  len: number;
  flags: string;
}

export interface TcpConvOpts {
  a: TcpEnd;
  b: TcpEnd;
  /** Which end the capture point sits on. */
  local: Side;
  /** Round trip seen from the capture point (ns). */
  rtt: bigint;
  /** Local processing delay between a trigger and the local packet (ns). */
  proc?: bigint;
  /** Clock start (ns since the epoch). */
  start: bigint;
  /** Start already established with these next sequence numbers (no handshake). */
  established?: boolean;
  /** IPv4 identification start per side (incremented per packet); IPv6 ignores it. */
  ipId?: { a: number; b: number };
}

interface EndState {
  cfg: TcpEnd;
  sndNxt: number;
  rcvNxt: number;
  /** Unacknowledged received full segments, and when a delayed ACK is due. */
  unacked: number;
  ackDue: bigint | null;
  ipId: number;
  tsRecent: number;
  open: boolean;
}

const u32 = (v: number): number => v >>> 0;

export class TcpConv {
  readonly packets: TcpPacket[] = [];
  now: bigint;
  private s: Record<Side, EndState>;
  private proc: bigint;
  private v6: boolean;

  constructor(readonly o: TcpConvOpts) {
    this.now = o.start;
    this.proc = o.proc ?? 45_000n;
    this.v6 = o.a.ip.includes(':');
    const mk = (cfg: TcpEnd, peer: TcpEnd, id: number): EndState => ({
      cfg, sndNxt: cfg.isn, rcvNxt: o.established ? peer.isn : 0,
      unacked: 0, ackDue: null, ipId: id, tsRecent: 0, open: !!o.established,
    });
    this.s = { a: mk(o.a, o.b, o.ipId?.a ?? 1000), b: mk(o.b, o.a, o.ipId?.b ?? 5000) };
  }

  private peer(x: Side): Side { return x === 'a' ? 'b' : 'a'; }

  /** The delay before `x` answers something it just saw. */
  private lag(x: Side): bigint { return x === this.o.local ? this.proc : this.o.rtt; }

  /** Advance the clock (application think time, a timer), emitting ACKs that fall due. */
  wait(ns: bigint | number): this {
    const until = this.now + BigInt(ns);
    this.flushAcks(until);
    this.now = until;
    return this;
  }

  /** Emits any delayed ACK due at or before `until`. */
  private flushAcks(until: bigint): void {
    for (;;) {
      let who: Side | null = null;
      for (const x of ['a', 'b'] as const) {
        const due = this.s[x].ackDue;
        if (due !== null && due <= until && (who === null || due < this.s[who].ackDue!)) who = x;
      }
      if (who === null) return;
      const at = this.s[who].ackDue!;
      this.now = at > this.now ? at : this.now;
      this.emit(who, 'A');
    }
  }

  /** SYN options of `e`; for a SYN/ACK (`peer` given) only what the peer offered too. */
  private synOptions(e0: TcpEnd, peer?: TcpEnd): TcpOption[] {
    const e: TcpEnd = peer === undefined ? e0 : {
      ...e0,
      wscale: peer.wscale === undefined ? undefined : e0.wscale,
      sackOk: e0.sackOk && peer.sackOk,
      tsval: peer.tsval === undefined ? undefined : e0.tsval,
    };
    const mss = e.mss ?? (this.v6 ? 1440 : 1460);
    const style = e.style ?? 'solaris';
    if (style === 'mss') return [{ mss }];
    if (style === 'linux') {
      const opts: TcpOption[] = [{ mss }];
      if (e.sackOk) opts.push({ sackOk: true });
      if (e.tsval !== undefined) opts.push({ ts: [e.tsval, peer?.tsval ?? 0] });
      else if (e.sackOk) opts.push('nop', 'nop');
      if (e.wscale !== undefined) opts.push('nop', { wscale: e.wscale });
      return opts;
    }
    const opts: TcpOption[] = [{ mss }];
    if (e.wscale !== undefined) opts.push('nop', { wscale: e.wscale });
    if (e.sackOk) opts.push('nop', 'nop', { sackOk: true });
    return opts;
  }

  /** Sends one segment from `x` at the current time; flags letters as in craft.tcp. */
  private emit(x: Side, flags: string, data?: Bytes, opts?: TcpOption[]): TcpPacket {
    const me = this.s[x];
    const you = this.s[this.peer(x)];
    const hasAck = flags.includes('A');
    const payload = data ?? new Uint8Array(0);
    let options = opts;
    if (!options && me.cfg.tsval !== undefined && you.cfg.tsval !== undefined && me.open) {
      const tsval = u32(me.cfg.tsval + Number((this.now - this.o.start) / 1_000_000n));
      options = ['nop', 'nop', { ts: [tsval, me.tsRecent] }];
    }
    const scaled = me.open && me.cfg.wscale !== undefined && you.cfg.wscale !== undefined;
    const win = scaled ? me.cfg.win >> me.cfg.wscale! : me.cfg.win;
    const seg = tcp({
      sport: me.cfg.port, dport: you.cfg.port, seq: me.sndNxt, ack: hasAck ? me.rcvNxt : 0,
      flags, win: flags.includes('R') ? 0 : win, options,
    }, payload);
    const ip = this.v6
      ? ipv6({ src: me.cfg.ip, dst: you.cfg.ip, hlim: me.cfg.ttl ?? 64 }, seg)
      : ipv4({ src: me.cfg.ip, dst: you.cfg.ip, ttl: me.cfg.ttl ?? 64, id: me.ipId, df: true }, seg);
    me.ipId = (me.ipId + 1) & 0xffff;
    let adv = payload.length;
    if (flags.includes('S') || flags.includes('F')) adv += 1;
    me.sndNxt = u32(me.sndNxt + adv);
    if (hasAck) { me.unacked = 0; me.ackDue = null; }
    if (me.cfg.tsval !== undefined) you.tsRecent = u32(me.cfg.tsval + Number((this.now - this.o.start) / 1_000_000n));
    const p: TcpPacket = { t: this.now, from: x, ip, len: payload.length, flags };
    this.packets.push(p);
    return p;
  }

  /** Moves the clock to `x`'s reaction to the last thing it saw. */
  private react(x: Side): void {
    const t = this.now + this.lag(x);
    this.flushAcks(t - 1n);
    this.now = t;
  }

  /** `x` sends a SYN with its options. */
  syn(x: Side = 'a'): this {
    const me = this.s[x];
    this.emit(x, 'S', undefined, this.synOptions(me.cfg));
    return this;
  }

  /**
   * SYN retransmissions after an initial SYN: at +rto, +2 rto, +4 rto ...
   * (cumulative 1, 3, 7 s for rto 1 s), or after the given `gaps` (measured ones).
   */
  synRetransmits(count: number, x: Side = 'a', rto = 1_000_000_000n, gaps?: readonly bigint[]): this {
    const me = this.s[x];
    let wait = rto;
    for (let i = 0; i < count; i++) {
      this.wait(gaps?.[i] ?? wait);
      me.sndNxt = u32(me.sndNxt - 1); // resend the same SYN
      this.emit(x, 'S', undefined, this.synOptions(me.cfg));
      wait *= 2n;
    }
    return this;
  }

  /** Full 3-way handshake from `x` (SYN, SYN/ACK, ACK); assumes `syn()` was not already sent unless `afterSyn`. */
  handshake(x: Side = 'a', afterSyn = false): this {
    const y = this.peer(x);
    if (!afterSyn) this.syn(x);
    this.s[y].rcvNxt = u32(this.s[x].sndNxt);
    this.react(y);
    this.emit(y, 'SA', undefined, this.synOptions(this.s[y].cfg, this.s[x].cfg));
    this.s[x].rcvNxt = this.s[y].sndNxt;
    this.react(x);
    this.s[x].open = true;
    this.s[y].open = true;
    this.emit(x, 'A');
    return this;
  }

  /** A SYN answered with RST/ACK (closed port): returns after the RST. */
  refused(x: Side = 'a'): this {
    const y = this.peer(x);
    this.syn(x);
    this.s[y].rcvNxt = this.s[x].sndNxt;
    this.react(y);
    this.s[y].sndNxt = 0;
    this.emit(y, 'RA');
    return this;
  }

  /**
   * `x` writes `data` (bytes, a string, or a length of filler). It goes out in
   * MSS-sized segments; the receiver ACKs per the delayed-ACK rules. `push`
   * sets PSH on the last segment (default true, as a write(2) does).
   */
  send(x: Side, data: Data | number, o: { push?: boolean; gap?: bigint } = {}): this {
    const y = this.peer(x);
    const all = typeof data === 'number' ? fill(data, this.packets.length) : toBytes(data);
    const mss = this.s[y].cfg.mss ?? (this.v6 ? 1440 : 1460);
    // An application write on the local side leaves after `proc`; remote data arrives when it arrives.
    for (let off = 0; off < all.length; off += mss) {
      const part = all.subarray(off, Math.min(all.length, off + mss));
      const last = off + mss >= all.length;
      if (off > 0) this.wait(o.gap ?? (x === this.o.local ? 12_000n : 120_000n));
      this.flushAcks(this.now);
      this.emit(x, (last && (o.push ?? true)) ? 'PA' : 'A', part);
      const r = this.s[y];
      r.rcvNxt = this.s[x].sndNxt;
      if (part.length >= mss) r.unacked++;
      if (r.unacked >= 2) {
        // Second full segment: ACK at once (after the receiver's reaction time).
        const save = this.now;
        this.now = save + this.lag(y);
        this.emit(y, 'A');
        this.now = save;
      } else if (r.ackDue === null) {
        // When the receiver is remote, its ACK is seen a round trip later than it would be locally.
        r.ackDue = this.now + (y === this.o.local ? 0n : this.o.rtt) + (r.cfg.delack ?? 50_000_000n);
      }
    }
    return this;
  }

  /** `x` replies to what it just received: its data leaves after its reaction time, piggybacking the ACK. */
  reply(x: Side, data: Data | number, o: { push?: boolean } = {}): this {
    this.react(x);
    return this.send(x, data, o);
  }

  /** The receiver `x` ACKs now (after its reaction time), e.g. to stop waiting for the delayed ACK. */
  ack(x: Side): this {
    this.react(x);
    this.emit(x, 'A');
    return this;
  }

  /** Orderly close started by `x`: FIN/ACK, the peer's ACK+FIN (one segment), the last ACK. */
  close(x: Side = 'a', o: { separateAck?: boolean } = {}): this {
    const y = this.peer(x);
    this.flushAcks(this.now);
    this.emit(x, 'FA');
    this.s[y].rcvNxt = this.s[x].sndNxt;
    this.react(y);
    if (o.separateAck) { this.emit(y, 'A'); this.wait(this.lag(y)); }
    this.emit(y, 'FA');
    this.s[x].rcvNxt = this.s[y].sndNxt;
    this.react(x);
    this.emit(x, 'A');
    this.s[x].open = false;
    this.s[y].open = false;
    return this;
  }

  /**
   * `x` sends one segment that is lost on the way: the capture (at the sender)
   * sees it, no ACK comes, and it is retransmitted `tries` times with the RTO
   * doubling from `rto`; the last copy gets through and is ACKed.
   */
  sendLost(x: Side, data: Data | number, o: { rto?: bigint; tries?: number } = {}): this {
    const y = this.peer(x);
    const payload = typeof data === 'number' ? fill(data, this.packets.length) : toBytes(data);
    this.flushAcks(this.now);
    const seq = this.s[x].sndNxt;
    this.emit(x, 'PA', payload);
    let rto = o.rto ?? 200_000_000n;
    for (let i = 0; i < (o.tries ?? 1); i++) {
      this.wait(rto);
      this.s[x].sndNxt = seq;
      this.emit(x, 'PA', payload);
      rto *= 2n;
    }
    this.s[y].rcvNxt = this.s[x].sndNxt;
    this.react(y);
    this.emit(y, 'A');
    return this;
  }

  /** `x` aborts with RST/ACK. */
  reset(x: Side): this {
    this.emit(x, 'RA');
    return this;
  }

  /** Emits outstanding delayed ACKs; call once at the end. */
  finish(): TcpPacket[] {
    this.flushAcks(this.now + 10_000_000_000n);
    this.packets.sort((p, q) => (p.t < q.t ? -1 : p.t > q.t ? 1 : 0));
    return this.packets;
  }

  /** Current next-sequence numbers (for tests and transcripts). */
  seqs(): { a: number; b: number } { return { a: this.s.a.sndNxt, b: this.s.b.sndNxt }; }
}
