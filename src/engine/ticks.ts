/**
 * tick-N and profile-N over a capture: firings on the capture's clock,
 * between packets, at multiples of N from the capture's start.
 *
 * Time is bounded whatever the capture holds. Real dtrace fires 4×10^12
 * tick-1ms probes over two packets 2^32 s apart; here:
 *
 *   - an *idle gap* (no packet for more than TICK_IDLE_MAX_NS, one hour of
 *     capture time) fires the ticks of its first hour, then the clock jumps
 *     to the packet that ends it: the ticks due in the rest of the gap do not
 *     fire, and the next ones keep their phase (first multiple of N after
 *     that packet);
 *   - a run fires at most TICK_FIRING_LIMIT ticks over a capture (as the
 *     free-running clock without a capture stops at the same count); then
 *     ticks stop for the rest of the run.
 *
 * Both are said once, at the end of the run (`notes()`). Firing is done in
 * batches (`fireUntil` with a budget) so the caller can yield between them
 * and an interrupt (Ctrl-C, the app's Stop) lands during a long catch-up.
 *
 * Times are doubles relative to the clock's base (capture-clock.ts), exact
 * below 2^53; when the base moves (`realign`), the next firing of each probe
 * is recomputed from its exact phase.
 */
import type { Probe } from '../d/types/probes.ts';

/** Longest stretch of capture time without a packet that ticks fire through. */
export const TICK_IDLE_MAX_NS = 3600e9;
/** Ticks fired over one capture at most (the free-running clock's VFIRING_LIMIT). */
export const TICK_FIRING_LIMIT = 200_000_000;

export class TickSchedule {
  /** Next firing of each probe, ns relative to the clock's base. */
  private readonly next: number[];
  /** Ticks fired so far. */
  fired = 0;
  /** Idle gaps jumped, ticks not fired in them, and the frame that ended the first. */
  gaps = 0;
  skipped = 0;
  firstGapFrame = 0;
  /** Set when TICK_FIRING_LIMIT was reached: no tick fires any more. */
  exhausted = false;

  constructor(
    readonly probes: readonly Probe[],
    /** Fires probe p at time t (ns relative to the base). */
    private readonly fire: (p: Probe, t: number) => void,
    /** Whether the run has stopped (exit()): firing ends at once. */
    private readonly stopped: () => boolean,
    readonly idleMaxNs = TICK_IDLE_MAX_NS,
    readonly limit = TICK_FIRING_LIMIT,
  ) {
    this.next = probes.map((p) => p.intervalNs!);
  }

  get any(): boolean { return this.probes.length > 0 && !this.exhausted; }

  /**
   * Fires, in time order, the ticks due at or before `rel` (the next packet's
   * time), given `prev`, the time of the packet before it (or the start):
   * when rel − prev exceeds the idle bound, only those up to prev + bound fire
   * and the rest are jumped. Fires at most `budget` ticks; returns false when
   * more remain (call again with the same arguments after yielding).
   */
  fireUntil(rel: number, prev: number, budget: number, frame: number): boolean {
    if (this.exhausted) return true;
    const n = this.probes.length;
    const until = rel - prev > this.idleMaxNs ? prev + this.idleMaxNs : rel;
    let left = budget;
    for (;;) {
      let k = -1;
      for (let i = 0; i < n; i++) if (this.next[i]! <= until && (k < 0 || this.next[i]! < this.next[k]!)) k = i;
      if (k < 0) break;
      if (left-- <= 0) return false;
      if (this.fired >= this.limit) { this.exhausted = true; return true; }
      const p = this.probes[k]!;
      const t = this.next[k]!;
      this.next[k] = t + p.intervalNs!;
      this.fired++;
      this.fire(p, t);
      if (this.stopped()) return true;
    }
    if (until < rel) this.jump(rel, frame);
    return true;
  }

  /** Skips every tick due at or before rel: each probe's next firing is its first multiple after rel. */
  private jump(rel: number, frame: number): void {
    let skipped = 0;
    for (let i = 0; i < this.probes.length; i++) {
      const iv = this.probes[i]!.intervalNs!;
      const t = this.next[i]!;
      if (t > rel) continue;
      const k = Math.floor((rel - t) / iv) + 1;
      skipped += k;
      this.next[i] = t + k * iv;
      if (this.next[i]! <= rel) this.next[i] = this.next[i]! + iv; // rounding at huge rel
    }
    if (skipped === 0) return;
    if (this.gaps++ === 0) this.firstGapFrame = frame;
    this.skipped += skipped;
  }

  /**
   * The clock's base moved forward by `by` ns (exactly `sinceStart` ns after
   * the capture's start), to a packet after which no tick has fired yet: each
   * probe's next firing becomes its first multiple of N after the new base.
   * Ticks due before the new base must have been fired (or jumped) first.
   */
  realign(by: bigint, sinceStart: bigint, frame: number): void {
    let skipped = 0;
    for (let i = 0; i < this.probes.length; i++) {
      const iv = BigInt(this.probes[i]!.intervalNs!);
      // Ticks still due in the old base before the new one were jumped.
      const old = this.next[i]!;
      if (BigInt(Math.round(old)) <= by) skipped += Number((by - BigInt(Math.round(old))) / iv) + 1;
      const m = sinceStart % iv;
      this.next[i] = Number(iv - m);
    }
    if (skipped > 0) {
      if (this.gaps++ === 0) this.firstGapFrame = frame;
      this.skipped += skipped;
    }
  }

  /** What to say at the end of the run (stderr warnings), if anything. */
  notes(): string[] {
    const out: string[] = [];
    if (this.gaps > 0) {
      out.push(`tick and profile probes skipped ${this.skipped} firing${this.skipped === 1 ? '' : 's'} in ${this.gaps} idle gap${this.gaps === 1 ? '' : 's'} longer than ${this.idleMaxNs / 3600e9} hour of capture time (the first ending at frame ${this.firstGapFrame})`);
    }
    if (this.exhausted) out.push(`tick and profile probes stopped after ${this.limit} firings`);
    return out;
  }
}
