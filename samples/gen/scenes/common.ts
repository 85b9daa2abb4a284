/** Small helpers shared by the scenes: put IP packets on a wire as the capturing host saw them. */
import { eth, type Bytes } from '../craft.ts';
import type { Proc, Scene } from '../scene.ts';
import type { Side, TcpPacket } from '../tcpconv.ts';

export interface Wire {
  scene: Scene;
  ifId: number;
  /** The capturing host's MAC on this interface ('' for a raw-IP interface such as ip.tun0). */
  localMac: string;
}

/** A frame the local host sent: on Ethernet from localMac to `peerMac`; raw IP otherwise. */
export function sent(w: Wire, t: bigint, ip: Bytes, peerMac: string, o: { proc?: Proc; eproc?: Proc; comment?: string | readonly string[] } = {}): void {
  w.scene.add(w.ifId, t, w.localMac ? eth(w.localMac, peerMac, ip) : ip, 'out', o);
}

/** A frame the local host received from `peerMac`. */
export function received(w: Wire, t: bigint, ip: Bytes, peerMac: string, o: { proc?: Proc; eproc?: Proc; comment?: string | readonly string[]; dstMac?: string } = {}): void {
  w.scene.add(w.ifId, t, w.localMac ? eth(peerMac, o.dstMac ?? w.localMac, ip) : ip, 'in', o);
}

/**
 * Adds a TcpConv's packets: those from `local` as sent, the others as
 * received; `proc(p)` names the process for a packet (or undefined).
 */
export function addTcp(w: Wire, packets: readonly TcpPacket[], local: Side, peerMac: string, proc?: (p: TcpPacket) => Proc | undefined): void {
  for (const p of packets) {
    const pr = proc?.(p);
    const o = pr ? { proc: pr } : {};
    if (p.from === local) sent(w, p.t, p.ip, peerMac, o);
    else received(w, p.t, p.ip, peerMac, o);
  }
}
