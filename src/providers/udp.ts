/**
 * udp:::send / udp:::receive with (pktinfo_t *, csinfo_t *, ipinfo_t *,
 * udpsinfo_t *, udpinfo_t *). udpsinfo_t is the local socket's view: local
 * address/port are the sender's on send and the receiver's on receive.
 * UDP that only carries a tunnel (NAT-T ESP, VXLAN, GENEVE, GTP-U) is the
 * kernel's own encapsulation, not a socket's traffic, and does not fire.
 */
import type { FireCtx } from '../d/runtime/context.ts';
import type { Probe } from '../d/types/probes.ts';
import type { DecodedFrame, IpLayer } from '../decode/index.ts';
import { type CsInfo, fillUdpInfo, type IpInfo, type PktInfo, UdpInfoArg, UdpsInfo } from './args.ts';
import type { NetProbes } from './probes.ts';
import type { FiringSink } from './sink.ts';

export class UdpProvider {
  private readonly udpi = new UdpInfoArg();
  private readonly udps = new UdpsInfo();
  private readonly ctx: FireCtx;
  private readonly pSend: Probe;
  private readonly pReceive: Probe;
  readonly sendOn: boolean;
  readonly receiveOn: boolean;

  constructor(p: NetProbes, private readonly sink: FiringSink) {
    this.ctx = sink.ctx;
    this.pSend = p.udpSend;
    this.pReceive = p.udpReceive;
    this.sendOn = sink.enabled(p.udpSend);
    this.receiveOn = sink.enabled(p.udpReceive);
  }

  datagram(f: DecodedFrame, l: IpLayer, out: boolean, pkt: PktInfo, cs: CsInfo, ip: IpInfo, base: number): void {
    if (out ? !this.sendOn : !this.receiveOn) return;
    fillUdpInfo(this.udpi, f, l, base);
    const s = this.udps;
    s.udps_lport = out ? l.udp.srcPort : l.udp.dstPort;
    s.udps_rport = out ? l.udp.dstPort : l.udp.srcPort;
    s.f = f;
    s.l = l;
    s.out = out;
    const a = this.ctx.args;
    a[0] = pkt; a[1] = cs; a[2] = ip; a[3] = s; a[4] = this.udpi; a[5] = null;
    const arg = this.ctx.arg;
    arg[0] = 0; arg[1] = 0; arg[2] = base + (l.off - f.start); arg[3] = 0; arg[4] = this.udpi.udp_hdr; arg[5] = 0;
    this.sink.fire(out ? this.pSend : this.pReceive);
  }
}
