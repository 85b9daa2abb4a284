/**
 * One TCP connection as the local host sees it: the state and the tcp_t
 * fields tcpsinfo_t exposes, kept up to date from the segments in the
 * capture. Sequence arithmetic is modulo 2^32 (seqGt/seqGe).
 *
 * Estimates (documented in the README): tcps_rto from RFC 6298 over RTT
 * samples taken from the capture's own times (Karn's rule: no samples from
 * retransmitted data), with illumos' 400 ms floor and 1000 ms initial value;
 * tcps_mss is the peer's MSS option (else 536 for IPv4, 1220 for IPv6, the
 * illumos defaults); windows are scaled once both SYNs offered window scaling.
 * tcps_cwnd, tcps_cwnd_ssthresh and the SACK fields are not visible in a
 * capture and read 0.
 */
export const TCPS_CLOSED = -6, TCPS_IDLE = -5, TCPS_BOUND = -4, TCPS_LISTEN = -3, TCPS_SYN_SENT = -2,
  TCPS_SYN_RCVD = -1, TCPS_ESTABLISHED = 0, TCPS_CLOSE_WAIT = 1, TCPS_FIN_WAIT_1 = 2, TCPS_CLOSING = 3,
  TCPS_LAST_ACK = 4, TCPS_FIN_WAIT_2 = 5, TCPS_TIME_WAIT = 6;

export function seqGt(a: number, b: number): boolean { return ((a - b) | 0) > 0; }
export function seqGe(a: number, b: number): boolean { return ((a - b) | 0) >= 0; }

const RTO_MIN_MS = 400;
const RTO_INITIAL_MS = 1000;
const RTO_MAX_MS = 60000;

export class TcpConn {
  key = 0;
  flow = 0;
  version = 4;
  laddr = '';
  raddr = '';
  lport = 0;
  rport = 0;
  state = TCPS_CLOSED;
  /** A SYN arrived and the local answer (SYN-ACK, RST or nothing) has not been seen yet: the listener's view. */
  listenPending = false;
  active = 0;
  local = 0;
  iss = 0;
  irs = 0;
  suna = 0;
  snxt = 0;
  rack = 0;
  rnxt = 0;
  swnd = 0;
  rwnd = 0;
  sndWs = 0;
  rcvWs = 0;
  /** Window-scale options offered in the SYNs (-1: none seen). */
  wsLocal = -1;
  wsRemote = -1;
  mss = 536;
  rto = RTO_INITIAL_MS;
  srtt = 0;
  rttvar = 0;
  /** The segment being timed: its end sequence and send time (ns); timing=false when none. */
  timing = false;
  rttSeq = 0;
  rttNs = 0;
  retransmit = 0;
  /** Our FIN's sequence number once sent (-1 none); the peer's FIN seen. */
  finSeq = -1;
  finRcvd = false;
  lastNs = 0;

  reset(key: number, flow: number, version: number): void {
    this.key = key; this.flow = flow; this.version = version;
    this.state = TCPS_CLOSED; this.listenPending = false; this.active = 0; this.local = 0;
    this.iss = 0; this.irs = 0; this.suna = 0; this.snxt = 0; this.rack = 0; this.rnxt = 0;
    this.swnd = 0; this.rwnd = 0; this.sndWs = 0; this.rcvWs = 0; this.wsLocal = -1; this.wsRemote = -1;
    this.mss = version === 6 ? 1220 : 536; this.rto = RTO_INITIAL_MS; this.srtt = 0; this.rttvar = 0;
    this.timing = false; this.retransmit = 0; this.finSeq = -1; this.finRcvd = false; this.lastNs = 0;
  }

  /** An RTT sample (ns) per RFC 6298, in ms as illumos keeps tcp_rto. */
  rttSample(ns: number): void {
    const r = ns / 1e6;
    if (this.srtt === 0) { this.srtt = r; this.rttvar = r / 2; } else {
      this.rttvar = 0.75 * this.rttvar + 0.25 * Math.abs(this.srtt - r);
      this.srtt = 0.875 * this.srtt + 0.125 * r;
    }
    const rto = Math.round(this.srtt + Math.max(1, 4 * this.rttvar));
    this.rto = Math.min(RTO_MAX_MS, Math.max(RTO_MIN_MS, rto));
  }
}

/** tcpsinfo_t as the runtime reads it. */
export class TcpsInfo {
  tcps_addr = 0; tcps_local = 0; tcps_active = 0; tcps_lport = 0; tcps_rport = 0; tcps_laddr = ''; tcps_raddr = '';
  tcps_state = 0; tcps_iss = 0; tcps_suna = 0; tcps_snxt = 0; tcps_rack = 0; tcps_rnxt = 0; tcps_swnd = 0;
  tcps_snd_ws = 0; tcps_rwnd = 0; tcps_rcv_ws = 0; tcps_cwnd = 0; tcps_cwnd_ssthresh = 0; tcps_sack_fack = 0;
  tcps_sack_snxt = 0; tcps_rto = 0; tcps_mss = 0; tcps_retransmit = 0;

  fill(c: TcpConn): void {
    this.tcps_local = c.local; this.tcps_active = c.active; this.tcps_lport = c.lport; this.tcps_rport = c.rport;
    this.tcps_laddr = c.laddr; this.tcps_raddr = c.raddr; this.tcps_state = c.state; this.tcps_iss = c.iss;
    this.tcps_suna = c.suna; this.tcps_snxt = c.snxt; this.tcps_rack = c.rack; this.tcps_rnxt = c.rnxt;
    this.tcps_swnd = c.swnd; this.tcps_snd_ws = c.sndWs; this.tcps_rwnd = c.rwnd; this.tcps_rcv_ws = c.rcvWs;
    this.tcps_rto = c.rto; this.tcps_mss = c.mss; this.tcps_retransmit = c.retransmit;
  }
}
