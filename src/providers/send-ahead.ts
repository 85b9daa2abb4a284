/**
 * The send side of reassembly: a host fragments what it sends after the
 * transport has sent it, so tcp:::send / udp:::send (and ipvN:::write) fire
 * once per datagram, before the ip:::send of its first fragment in the
 * capture — whichever fragment the capture shows first — and with the whole
 * datagram (ip_plength, udp_length, payload reads across fragments).
 *
 * That needs the fragments that come later in the capture. The capture loop
 * (engine/capture-run.ts) therefore holds records back while a sent
 * datagram is incomplete: each held frame is fed here (feed()), which
 * reassembles the sent datagrams (the same Linux rules as the receive side:
 * decode/reassembly) and hands back, for the frame carrying a datagram's
 * first fragment seen, a SentNote; the held frames are then replayed in
 * capture order, the note set on NetProviders before its frame, so nothing
 * fires out of order. Holding is bounded like reassembly (30 s of capture
 * time, 4 MiB): a sent datagram still incomplete then — the capture lost a
 * fragment — is abandoned (abandonAll): its note shows its first fragment
 * alone (a "partial" datagram: the header's lengths, payload reads limited to
 * that fragment), or nothing when that fragment is missing too, and the
 * warning summary counts it.
 *
 * Datagrams inside a sent datagram that are themselves fragments (an inner
 * packet fragmented before encapsulation) get their note on the assembled
 * frame (AssembledFrame.note), resolved the same way.
 */
import {
  type Datagram, DecodedFrame, type IpLayer, R_DISCARD, R_DONE, Reassembler, type ReassemblyLimits, LINUX_LIMITS,
  type ReassemblyStats, WHY_SENT_HEADLESS, WHY_SENT_PARTIAL,
} from '../decode/index.ts';

/** A sent datagram, decoded from its reassembled bytes, with the note of a fragmented datagram inside it. */
export class AssembledFrame extends DecodedFrame {
  note: SentNote | null = null;
}

export class SentNote {
  /** The datagram (null: its first fragment never came, nothing can fire). */
  frame: AssembledFrame | null = null;
  /** The frame is the first fragment alone: fire its transport, not a whole datagram's layers. */
  partial = false;
}

export class SendAhead {
  private readonly asm: Reassembler;

  constructor(private readonly stats: ReassemblyStats, limits: ReassemblyLimits = LINUX_LIMITS) {
    this.asm = new Reassembler(limits);
  }

  /** Sent datagrams begun and not complete. */
  get pending(): number { return this.asm.size; }

  /**
   * Feeds the fragment layer `l` of frame `f`, sent by the host at capture
   * time `nowNs`. Returns the note to set for this frame when the fragment
   * is its datagram's first in the capture, else null.
   */
  feed(f: DecodedFrame, l: IpLayer, nowNs: number): SentNote | null {
    const a = this.asm;
    const st = a.add(f, l, nowNs);
    const dg = a.dg;
    let note: SentNote | null = null;
    if (a.created && dg !== null) {
      note = new SentNote();
      dg.tag = note;
    }
    for (const e of a.evicted) this.abandon(e);
    if (dg !== null && st === R_DONE) {
      const g = new AssembledFrame();
      a.build(dg, g, f, l);
      (dg.tag as SentNote).frame = g;
      const k = firstFragment(g);
      if (k >= 0) g.note = this.feed(g, g.ip[k]!, nowNs);
    } else if (dg !== null && st === R_DISCARD) {
      this.abandon(dg);
    }
    return note;
  }

  /** Gives up on sent datagrams started at or before `nowNs` − the timeout. */
  expire(nowNs: number): void {
    for (const dg of this.asm.expire(nowNs)) this.abandon(dg);
  }

  /** Gives up on every sent datagram still incomplete. */
  abandonAll(): void {
    for (const dg of this.asm.drain(-1)) this.abandon(dg);
  }

  private abandon(dg: Datagram): void {
    const note = dg.tag as SentNote | null;
    if (note === null || note.frame !== null) return;
    const g = new AssembledFrame();
    if (this.asm.decodeHead(dg, g)) {
      note.frame = g;
      note.partial = true;
      this.stats.note(WHY_SENT_PARTIAL, dg.repOrigin?.frame ?? 0);
    } else {
      this.stats.note(WHY_SENT_HEADLESS, dg.repOrigin?.frame ?? 0);
    }
  }
}

/** The outermost fragment layer of a frame (DecodedFrame.fragmented), -1 when none. */
export function firstFragment(f: DecodedFrame): number {
  if (!f.fragmented) return -1;
  for (let i = 0; i < f.ipCount; i++) if (f.ip[i]!.fragment) return i;
  return -1;
}
