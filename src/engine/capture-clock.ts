/**
 * The capture's clock as D sees it: `timestamp` and `vtimestamp` from packet
 * times, exact 64-bit integers whatever the capture holds.
 *
 * timestamp = BOOT_NS + (packet time − capture start), wrapped as a uint64_t
 * (a virtual boot 1000 s before the start, so BEGIN's timestamp is 10^12 and
 * timestamps never go below 0: packets more than BOOT_NS before the start
 * read 0); vtimestamp = timestamp − BOOT_NS.
 *
 * Packet times are exact (seconds, nanoseconds) pairs, with the seconds a
 * bigint beyond 2^53 (PacketRecord.tsSecBig). The per-packet path stays in
 * doubles: times are kept relative to a *base* (at first the capture start),
 * and while a packet is within FAST_SPAN_SEC of it the relative time in ns is
 * below 2^53 and computed exactly with two multiplications. A packet further
 * away takes a BigInt path; one later than the base moves the base to itself
 * (settle(): the ticks realign to their phase, see ticks.ts), so a capture
 * spanning years, or two packets 2^40 s apart, costs one BigInt step per
 * jump and stays exact.
 */
import type { PacketRecord } from '../capture/types.ts';
import type { DInt } from '../d/runtime/int64.ts';
import * as I from '../d/runtime/int64.ts';

/** The virtual boot offset: equal to run.ts's VCLOCK_START_NS (a test checks). */
export const BOOT_NS = 1_000_000_000_000;
/** Packets within this many seconds of the base take the double path (|rel| < 4.1e15 ns, far below 2^53). */
export const FAST_SPAN_SEC = 4_000_000;

const NS = 1_000_000_000n;
const BOOT_BIG = BigInt(BOOT_NS);

function secOf(r: PacketRecord): bigint {
  return r.tsSecBig ?? BigInt(r.tsSec);
}

export class CaptureClock {
  /** The base: an exact time, as numbers (baseSec exact when baseBig is null) and as a bigint of ns. */
  private baseSec = 0;
  private baseNsec = 0;
  private baseExact = true;
  private baseNs = 0n;
  /** Base minus capture start, in ns (exact); 0 until the first rebase. */
  shift = 0n;
  private shiftNum = 0;
  /** The start of the capture in ns since the epoch (exact). */
  startNs = 0n;

  /** `timestamp` and `vtimestamp` last set (a packet's or a tick's). */
  tsNs: DInt = BOOT_NS;
  vtsNs: DInt = 0;
  /** After rel(): the packet is far after the base, by this many ns (exact); settle() moves the base. */
  pending: bigint | null = null;
  /** After rel(): the packet is far before the base: its exact offset from the capture start. */
  private far: bigint | null = null;

  /** Starts the clock at (sec, nsec), the capture's start; big: exact seconds beyond 2^53. */
  start(sec: number, nsec: number, big: bigint | null = null): void {
    this.baseSec = sec;
    this.baseNsec = nsec;
    this.baseExact = big === null;
    this.baseNs = (big ?? BigInt(sec)) * NS + BigInt(nsec);
    this.startNs = this.baseNs;
    this.shift = 0n;
    this.shiftNum = 0;
  }

  /** ns since the epoch of BOOT (walltimestamp = timestamp + this). */
  get wallDeltaNs(): bigint { return this.startNs - BOOT_BIG; }

  /**
   * A packet's time relative to the base in ns: a double, exact within
   * FAST_SPAN_SEC of the base (ticks due before it compare against it). A
   * packet far after the base sets `pending`: fire the ticks due before it,
   * then settle(), which moves the base to it.
   */
  rel(r: PacketRecord): number {
    this.pending = null;
    this.far = null;
    const big = r.tsSecBig ?? null;
    const ds = r.tsSec - this.baseSec;
    if (big === null && this.baseExact && ds < FAST_SPAN_SEC && ds > -FAST_SPAN_SEC) {
      return ds * 1e9 + (r.tsNsec - this.baseNsec);
    }
    // Far from the base: exact arithmetic.
    const relBig = secOf(r) * NS + BigInt(r.tsNsec) - this.baseNs;
    if (relBig > 0n) {
      this.pending = relBig;
      this.pendingSec = r.tsSec;
      this.pendingNsec = r.tsNsec;
      this.pendingExact = big === null;
    } else {
      this.far = this.shift + relBig;
    }
    return Number(relBig);
  }
  /** The packet's time relative to the base, as rel() computes it, without placing it (records held aside). */
  peek(r: PacketRecord): number {
    const big = r.tsSecBig ?? null;
    const ds = r.tsSec - this.baseSec;
    if (big === null && this.baseExact && ds < FAST_SPAN_SEC && ds > -FAST_SPAN_SEC) return ds * 1e9 + (r.tsNsec - this.baseNsec);
    return Number(secOf(r) * NS + BigInt(r.tsNsec) - this.baseNs);
  }
  private pendingSec = 0;
  private pendingNsec = 0;
  private pendingExact = true;

  /**
   * Sets the clock to the packet rel() placed (after its ticks): tsNs and
   * vtsNs. Returns the packet's time relative to the (possibly moved) base.
   */
  settle(rel: number): number {
    const by = this.pending;
    if (by !== null) {
      this.pending = null;
      this.baseSec = this.pendingSec;
      this.baseNsec = this.pendingNsec;
      this.baseExact = this.pendingExact;
      this.baseNs += by;
      this.shift += by;
      this.shiftNum = Number(this.shift);
      this.setTime(0);
      return 0;
    }
    if (this.far !== null) { this.setTimeBig(this.far); return rel; }
    this.setTime(rel);
    return rel;
  }

  /** Sets the time to base + rel (rel a double exact near the base: packets and ticks). */
  setTime(rel: number): void {
    if (this.shift === 0n) {
      if (rel < -BOOT_NS) rel = -BOOT_NS;
      this.tsNs = BOOT_NS + rel;
      this.vtsNs = rel;
      return;
    }
    const t = this.shiftNum + rel;
    if (Number.isSafeInteger(t) && t >= -BOOT_NS && Number.isSafeInteger(t + BOOT_NS)) {
      this.tsNs = BOOT_NS + t;
      this.vtsNs = t;
      return;
    }
    this.setTimeBig(this.shift + BigInt(rel));
  }

  /** Sets the time from its exact offset from the capture start. */
  private setTimeBig(sinceStart: bigint): void {
    let v = sinceStart;
    if (v < -BOOT_BIG) v = -BOOT_BIG;
    this.tsNs = I.wrapU64(BOOT_BIG + v);
    this.vtsNs = I.canon(v);
  }
}
