/**
 * tcp::: firings from per-connection tracking, from the local side's point
 * of view (the side whose segments are sent). Each segment is handled as the
 * illumos kernel handles it, so the order of firings matches:
 *
 *   sent segment:     [state-change] [connect-request | accept-refused] send [state-change on RST]
 *   received segment: receive [state-change] [connect-established | accept-established | connect-refused]
 *
 * tcp:::receive fires before the segment is processed (tcpsinfo_t shows the
 * state it arrived in); tcp:::send after the send state was updated (as
 * tcp_send_data sees it). Passive opens: a received SYN shows the listener
 * (TCP_STATE_LISTEN); the local answer decides — a SYN-ACK moves it to
 * SYN_RECEIVED (state-change from LISTEN), an RST|ACK is accept-refused
 * (tcp_xmit_early_reset), nothing (a full backlog drops the SYN) leaves it
 * listening, so retried SYNs fire receive again. Segments for no connection
 * (resets, and null/FIN/Xmas probes without SYN or ACK) fire tcp:::receive
 * with a NULL tcp_t (tcp_xmit_listeners_reset), resets sent for none
 * tcp:::send with one; NULL shows as tcp.d.in translates it (NO_CONN). Connections already open when the capture starts are
 * ESTABLISHED from their first segment, without a state-change.
 *
 * Transitions (RFC 9293 from the local side): CLOSED -SYN sent-> SYN_SENT;
 * SYN_SENT -SYN-ACK rcvd-> ESTABLISHED; SYN_SENT -SYN rcvd-> SYN_RECEIVED
 * (simultaneous open); LISTEN -SYN-ACK sent-> SYN_RECEIVED -ACK rcvd->
 * ESTABLISHED; ESTABLISHED -FIN sent-> FIN_WAIT_1 -ACK of FIN-> FIN_WAIT_2
 * -FIN rcvd-> TIME_WAIT; FIN_WAIT_1 -FIN rcvd-> CLOSING -ACK-> TIME_WAIT;
 * ESTABLISHED -FIN rcvd-> CLOSE_WAIT -FIN sent-> LAST_ACK -ACK-> CLOSED;
 * any -RST-> CLOSED. A SYN on a TIME_WAIT/CLOSED connection starts a new one.
 */
import type { FireCtx } from '../../d/runtime/context.ts';
import type { Probe } from '../../d/types/probes.ts';
import { type DecodedFrame, type IpLayer, tcpOptions } from '../../decode/index.ts';
import { dstText, srcText } from '../addrcache.ts';
import { type CsInfo, fillTcpInfo, type IpInfo, type PktInfo, TcpInfoArg, TcpLsInfo } from '../args.ts';
import type { NetProbes } from '../probes.ts';
import type { FiringSink } from '../sink.ts';
import {
  seqGe, seqGt, TcpConn, TcpsInfo, TCPS_CLOSE_WAIT, TCPS_CLOSED, TCPS_CLOSING, TCPS_ESTABLISHED, TCPS_FIN_WAIT_1,
  TCPS_FIN_WAIT_2, TCPS_LAST_ACK, TCPS_LISTEN, TCPS_SYN_RCVD, TCPS_SYN_SENT, TCPS_TIME_WAIT,
} from './conn.ts';
import { ConnTable } from './table.ts';

const FIN = 0x01, SYN = 0x02, RST = 0x04, ACK = 0x10;

/**
 * What tcpsinfo_t shows for a NULL tcp_t (tcp.d.in's translator): state
 * CLOSED, ports and sequence numbers 0, addresses "<unknown>".
 */
const NO_CONN = (() => {
  const c = new TcpConn();
  c.reset(0, 0, 4);
  c.mss = 0; c.rto = 0; c.laddr = '<unknown>'; c.raddr = '<unknown>';
  return c;
})();

export class TcpProvider {
  readonly table: ConnTable;
  private readonly tcpi = new TcpInfoArg();
  private readonly tcps = new TcpsInfo();
  private readonly tcpls = new TcpLsInfo();
  private readonly ctx: FireCtx;
  private readonly on: boolean[];
  private readonly pSend: Probe; private readonly pReceive: Probe; private readonly pState: Probe;
  private readonly pConnReq: Probe; private readonly pConnEst: Probe; private readonly pConnRef: Probe;
  private readonly pAccEst: Probe; private readonly pAccRef: Probe;
  /** Whether any tcp probe is enabled (otherwise nothing is tracked). */
  readonly active: boolean;
  // The frame's shared arguments (filled by the ip provider for the layer).
  private pkt!: PktInfo; private cs!: CsInfo; private ip!: IpInfo;
  private f!: DecodedFrame; private l!: IpLayer; private base = 0; private now = 0;

  constructor(p: NetProbes, private readonly sink: FiringSink, maxConns = 65536) {
    this.ctx = sink.ctx;
    this.table = new ConnTable(maxConns);
    this.pSend = p.tcpSend; this.pReceive = p.tcpReceive; this.pState = p.tcpStateChange;
    this.pConnReq = p.tcpConnectRequest; this.pConnEst = p.tcpConnectEstablished; this.pConnRef = p.tcpConnectRefused;
    this.pAccEst = p.tcpAcceptEstablished; this.pAccRef = p.tcpAcceptRefused;
    const all = [this.pSend, this.pReceive, this.pState, this.pConnReq, this.pConnEst, this.pConnRef, this.pAccEst, this.pAccRef];
    this.on = [];
    for (const q of all) this.on[q.id] = sink.enabled(q);
    this.active = all.some((q) => sink.enabled(q));
  }

  /**
   * One TCP segment of layer `l`: `out` when the local host sends it. `key`
   * identifies the local end's connection; `base` is the D address of the
   * packet's first byte; `nowNs` the capture time (ns, for RTT estimates).
   */
  segment(f: DecodedFrame, l: IpLayer, out: boolean, key: number, flow: number, pkt: PktInfo, cs: CsInfo, ip: IpInfo, base: number, nowNs: number): void {
    this.f = f; this.l = l; this.pkt = pkt; this.cs = cs; this.ip = ip; this.base = base; this.now = nowNs;
    fillTcpInfo(this.tcpi, f, l, base);
    if (out) this.sent(key, flow); else this.received(key, flow);
  }

  private newConn(key: number, flow: number, out: boolean): TcpConn {
    const f = this.f, l = this.l, t = l.tcp;
    const c = this.table.create(key, flow, l.version);
    c.laddr = out ? srcText(f, l) : dstText(f, l);
    c.raddr = out ? dstText(f, l) : srcText(f, l);
    c.lport = out ? t.srcPort : t.dstPort;
    c.rport = out ? t.dstPort : t.srcPort;
    c.local = c.laddr === c.raddr ? 1 : 0;
    return c;
  }

  // ---------------------------------------------------------------- send

  private sent(key: number, flow: number): void {
    const t = this.l.tcp;
    const fl = t.flags;
    const seq = t.seq;
    const len = t.payloadLen > 0 ? t.payloadLen : 0;
    let c = this.table.get(key);
    if (c !== undefined && (fl & SYN) !== 0 && (fl & ACK) === 0 && (c.state === TCPS_TIME_WAIT || c.state === TCPS_CLOSED)) {
      this.table.delete(c);
      c = undefined;
    }
    if (c === undefined && (fl & RST) !== 0) {
      // A reset for no connection (tcp_xmit_early_reset) with a NULL tcp_t. It is accept-refused only as the
      // answer to a SYN (the listenPending case below); other stacks (Linux) also answer null/Xmas probes.
      this.fireIo(this.pSend, NO_CONN);
      return;
    }
    // Without SYN or ACK nothing opens a connection (RFC 9293 3.10.7: every segment after the SYN carries
    // ACK): null/FIN/Xmas probes come from raw sockets, not a tcp_t.
    if (c === undefined && (fl & (SYN | ACK)) === 0) return;
    if (c === undefined) {
      c = this.newConn(key, flow, true);
      if ((fl & SYN) !== 0 && (fl & ACK) === 0) {
        c.iss = seq; c.suna = seq; c.snxt = seq; c.active = 1;
      } else if ((fl & SYN) !== 0) {
        // A SYN-ACK whose SYN the capture missed: the listener side, SYN_RECEIVED.
        c.iss = seq; c.suna = seq; c.snxt = seq; c.irs = (t.ack - 1) >>> 0; c.rnxt = t.ack; c.state = TCPS_SYN_RCVD;
      } else {
        c.state = TCPS_ESTABLISHED; c.suna = seq; c.snxt = seq;
        if ((fl & ACK) !== 0) { c.rnxt = t.ack; c.rack = t.ack; }
      }
    }
    c.lastNs = this.now;
    if (c.listenPending) {
      c.listenPending = false;
      if ((fl & RST) !== 0) {
        // No listener after all: the SYN went to tcp_xmit_listeners_reset, whose reset has no tcp_t.
        this.table.delete(c);
        if ((fl & ACK) !== 0) this.fireIo(this.pAccRef, NO_CONN);
        this.fireIo(this.pSend, NO_CONN);
        return;
      }
      if ((fl & SYN) !== 0) {
        c.iss = seq; c.suna = seq; c.snxt = seq;
        this.changeState(c, TCPS_SYN_RCVD);
      } else {
        c.state = TCPS_ESTABLISHED;
      }
    }
    // Sequence space: retransmission when the segment starts below snxt.
    const end = (seq + len + ((fl & SYN) !== 0 ? 1 : 0) + ((fl & FIN) !== 0 ? 1 : 0)) >>> 0;
    const consumes = end !== seq;
    const rexmit = consumes && seqGt(c.snxt, seq);
    c.retransmit = rexmit ? 1 : 0;
    if (seqGt(end, c.snxt)) c.snxt = end;
    if ((fl & ACK) !== 0) { c.rack = t.ack; if (seqGt(t.ack, c.rnxt)) c.rnxt = t.ack; }
    if ((fl & SYN) !== 0) {
      const o = tcpOptions(t, this.f.buf);
      c.wsLocal = o.wscale;
      c.rwnd = t.window;
    } else {
      c.rwnd = (t.window << c.rcvWs) >>> 0;
    }
    if (rexmit) c.timing = false;
    else if (consumes && !c.timing) { c.timing = true; c.rttSeq = end; c.rttNs = this.now; }

    if ((fl & SYN) !== 0 && (fl & ACK) === 0 && c.state === TCPS_CLOSED) {
      this.changeState(c, TCPS_SYN_SENT);
      this.fireIo(this.pConnReq, c);
    } else if ((fl & FIN) !== 0 && !rexmit) {
      c.finSeq = (seq + len) >>> 0;
      if (c.state === TCPS_ESTABLISHED || c.state === TCPS_SYN_RCVD) this.changeState(c, TCPS_FIN_WAIT_1);
      else if (c.state === TCPS_CLOSE_WAIT) this.changeState(c, TCPS_LAST_ACK);
    }
    this.fireIo(this.pSend, c);
    if ((fl & RST) !== 0) {
      this.changeState(c, TCPS_CLOSED);
      this.table.delete(c);
    }
  }

  // ---------------------------------------------------------------- receive

  private received(key: number, flow: number): void {
    const t = this.l.tcp;
    const fl = t.flags;
    const seq = t.seq;
    const len = t.payloadLen > 0 ? t.payloadLen : 0;
    let c = this.table.get(key);
    const synOnly = (fl & SYN) !== 0 && (fl & ACK) === 0;
    if (c !== undefined && synOnly && (c.state === TCPS_TIME_WAIT || c.state === TCPS_CLOSED)) {
      this.table.delete(c);
      c = undefined;
    }
    if (c === undefined) {
      // No connection: a reset, or a segment without SYN or ACK (a scan's null/FIN/Xmas probe), goes to
      // tcp_xmit_listeners_reset, which fires tcp:::receive with a NULL tcp_t and keeps nothing.
      if ((fl & RST) !== 0 || (fl & (SYN | ACK)) === 0) { this.fireIo(this.pReceive, NO_CONN); return; }
      c = this.newConn(key, flow, false);
      c.lastNs = this.now;
      if (synOnly) {
        c.state = TCPS_LISTEN;
        c.listenPending = true;
        this.peerSyn(c);
        this.fireIo(this.pReceive, c);
        return;
      }
      c.state = TCPS_ESTABLISHED;
      c.rnxt = seq;
      if ((fl & ACK) !== 0) { c.snxt = t.ack; c.suna = t.ack; }
    }
    c.lastNs = this.now;
    c.retransmit = 0;
    this.fireIo(this.pReceive, c);
    if (c.listenPending) {
      if (synOnly) return; // a retried SYN while the answer is pending
      c.listenPending = false;
      c.state = TCPS_ESTABLISHED;
    }
    if ((fl & RST) !== 0) {
      if (c.state === TCPS_SYN_SENT) this.fireIo(this.pConnRef, c);
      this.changeState(c, TCPS_CLOSED);
      this.table.delete(c);
      return;
    }
    if ((fl & SYN) !== 0) {
      if (c.state === TCPS_SYN_SENT) {
        this.peerSyn(c);
        c.swnd = t.window;
        if ((fl & ACK) !== 0 && seqGe(t.ack, (c.iss + 1) >>> 0)) {
          this.ackUpdate(c, t.ack);
          this.negotiate(c);
          this.changeState(c, TCPS_ESTABLISHED);
          this.fireIo(this.pConnEst, c);
        } else if ((fl & ACK) === 0) {
          this.changeState(c, TCPS_SYN_RCVD); // simultaneous open
        }
      } else if (c.state === TCPS_SYN_RCVD && (fl & ACK) !== 0 && seqGe(t.ack, (c.iss + 1) >>> 0)) {
        // Simultaneous open: the peer's SYN-ACK acknowledges our SYN.
        this.ackUpdate(c, t.ack);
        c.swnd = t.window;
        this.negotiate(c);
        this.changeState(c, TCPS_ESTABLISHED);
        this.fireIo(c.active ? this.pConnEst : this.pAccEst, c);
      }
      return;
    }
    if ((fl & ACK) !== 0) {
      this.ackUpdate(c, t.ack);
      c.swnd = (t.window << c.sndWs) >>> 0;
      if (c.state === TCPS_SYN_RCVD && seqGe(t.ack, (c.iss + 1) >>> 0)) {
        this.negotiate(c);
        this.changeState(c, TCPS_ESTABLISHED);
        this.fireIo(c.active ? this.pConnEst : this.pAccEst, c);
      }
      if (c.finSeq >= 0 && seqGe(t.ack, (c.finSeq + 1) >>> 0)) {
        // As tcp_input_data does: the ACK moves FIN_WAIT_1 to FIN_WAIT_2; a FIN on the same segment then to TIME_WAIT.
        if (c.state === TCPS_FIN_WAIT_1) this.changeState(c, TCPS_FIN_WAIT_2);
        else if (c.state === TCPS_CLOSING) this.changeState(c, TCPS_TIME_WAIT);
        else if (c.state === TCPS_LAST_ACK) { this.changeState(c, TCPS_CLOSED); this.table.delete(c); return; }
      }
    }
    const end = (seq + len + ((fl & FIN) !== 0 ? 1 : 0)) >>> 0;
    if (seqGt(end, c.rnxt)) c.rnxt = end;
    if ((fl & FIN) !== 0 && !c.finRcvd) {
      c.finRcvd = true;
      if (c.state === TCPS_ESTABLISHED || c.state === TCPS_SYN_RCVD) this.changeState(c, TCPS_CLOSE_WAIT);
      else if (c.state === TCPS_FIN_WAIT_1) this.changeState(c, TCPS_CLOSING);
      else if (c.state === TCPS_FIN_WAIT_2) this.changeState(c, TCPS_TIME_WAIT);
    }
  }

  /** The peer's SYN: its ISN and options. */
  private peerSyn(c: TcpConn): void {
    const t = this.l.tcp;
    c.irs = t.seq;
    c.rnxt = (t.seq + 1) >>> 0;
    const o = tcpOptions(t, this.f.buf);
    c.wsRemote = o.wscale;
    if (o.mss > 0) c.mss = o.mss;
  }

  private ackUpdate(c: TcpConn, ack: number): void {
    if (seqGt(ack, c.suna)) c.suna = ack;
    if (seqGt(ack, c.snxt)) c.snxt = ack;
    if (c.timing && seqGe(ack, c.rttSeq)) { c.timing = false; c.rttSample(this.now - c.rttNs); }
  }

  /** RFC 7323: scaling applies only when both SYNs carried the option. */
  private negotiate(c: TcpConn): void {
    if (c.wsLocal >= 0 && c.wsRemote >= 0) { c.sndWs = Math.min(c.wsRemote, 14); c.rcvWs = Math.min(c.wsLocal, 14); }
  }

  // ---------------------------------------------------------------- firing

  private fireIo(p: Probe, c: TcpConn): void {
    if (this.on[p.id] !== true) return;
    const a = this.ctx.args;
    this.tcps.fill(c);
    a[0] = this.pkt; a[1] = this.cs; a[2] = this.ip; a[3] = this.tcps; a[4] = this.tcpi; a[5] = null;
    const arg = this.ctx.arg;
    arg[0] = 0; arg[1] = 0; arg[2] = this.base + (this.l.off - this.f.start); arg[3] = 0; arg[4] = this.tcpi.tcp_hdr; arg[5] = 0;
    this.sink.fire(p);
  }

  private changeState(c: TcpConn, to: number): void {
    const prev = c.state;
    if (prev === to) return;
    c.state = to;
    if (this.on[this.pState.id] !== true) return;
    const a = this.ctx.args;
    this.tcps.fill(c);
    this.tcpls.tcps_state = prev;
    a[0] = null; a[1] = this.cs; a[2] = null; a[3] = this.tcps; a[4] = null; a[5] = this.tcpls;
    const arg = this.ctx.arg;
    arg[0] = 0; arg[1] = 0; arg[2] = 0; arg[3] = 0; arg[4] = 0; arg[5] = prev;
    this.sink.fire(this.pState);
  }
}

export { TCPS_CLOSED, TCPS_LISTEN };
