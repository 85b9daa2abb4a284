/**
 * The per-run warning summary: how many frames were malformed, by reason
 * and layer, with the first few frame numbers of each, for one stderr
 * paragraph at the end of a run (and the UI's capture tab).
 */
import { type DecodedFrame, KIND_NAMES, M_NONE, REASON_NAMES } from './types.ts';
import { EspStats, firstFrames, type EspSnapshot } from './ipsec/stats.ts';

const FIRST_FRAMES = 5;

interface Bucket { reason: number; kind: number; count: number; frames: number[] }

/** A summary as plain data, to hand over between workers (engine/parallel). */
export interface SummarySnapshot { frames: number; malformed: number; buckets: Bucket[]; esp: EspSnapshot | null }

export class DecodeSummary {
  frames = 0;
  malformed = 0;
  /** ESP decryption counts (set by a Decoder given keys; its own paragraph of lines()). */
  esp: EspStats | null = null;
  private buckets = new Map<number, Bucket>();

  /** Counts one decoded frame. Allocates only for the first frames of each (reason, layer). */
  add(f: DecodedFrame): void {
    this.frames++;
    if (f.malReason === M_NONE) return;
    this.malformed++;
    const key = f.malReason * 256 + f.malKind;
    let bk = this.buckets.get(key);
    if (bk === undefined) {
      bk = { reason: f.malReason, kind: f.malKind, count: 0, frames: [] };
      this.buckets.set(key, bk);
    }
    bk.count++;
    if (bk.frames.length < FIRST_FRAMES) bk.frames.push(f.frame);
  }

  /** Buckets, most frequent first. */
  entries(): { reason: string; layer: string; count: number; frames: readonly number[] }[] {
    return [...this.buckets.values()]
      .sort((a, b) => b.count - a.count || a.frames[0]! - b.frames[0]!)
      .map((b) => ({ reason: REASON_NAMES[b.reason] ?? '?', layer: KIND_NAMES[b.kind] ?? '?', count: b.count, frames: b.frames }));
  }

  /** Text lines for stderr ([] when nothing was malformed and every ESP packet with keys decrypted). */
  lines(): string[] {
    const esp = this.esp?.lines() ?? [];
    if (this.malformed === 0) return esp;
    const out = [`${this.malformed} of ${this.frames} frames could not be fully decoded:`];
    for (const e of this.entries()) {
      const more = e.count > e.frames.length ? ', ...' : '';
      out.push(`  ${e.count} ${e.layer}: ${e.reason} (frame ${e.frames.join(', ')}${more})`);
    }
    return out.concat(esp);
  }

  /** What was counted since the last take(), as data; the summary starts over. */
  take(): SummarySnapshot {
    const snap: SummarySnapshot = { frames: this.frames, malformed: this.malformed, buckets: [...this.buckets.values()], esp: this.esp?.take() ?? null };
    this.frames = 0;
    this.malformed = 0;
    this.buckets = new Map();
    return snap;
  }

  /** Adds another part's counts (its frames, the first few frame numbers of each bucket kept in order). */
  absorb(s: SummarySnapshot): void {
    if (s.esp !== null) (this.esp ??= new EspStats()).absorb(s.esp);
    this.frames += s.frames;
    this.malformed += s.malformed;
    for (const b of s.buckets) {
      const key = b.reason * 256 + b.kind;
      const mine = this.buckets.get(key);
      if (mine === undefined) { this.buckets.set(key, { reason: b.reason, kind: b.kind, count: b.count, frames: b.frames.slice(0, FIRST_FRAMES) }); continue; }
      mine.count += b.count;
      mine.frames = firstFrames(mine.frames, b.frames, FIRST_FRAMES);
    }
  }
}
