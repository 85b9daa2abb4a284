/**
 * What decryption did over a run: packets decrypted, and those that were
 * not, by reason, with their first frame numbers — a paragraph of the
 * decoder's warning summary (DecodeSummary.lines). Counting allocates only
 * for the first frames of each reason.
 */

export const ESP_NO_SA = 0;
export const ESP_ICV = 1;
export const ESP_TRUNCATED = 2;
export const ESP_LENGTH = 3;
export const ESP_PAD = 4;
export const ESP_KEY = 5;

export const ESP_REASONS: readonly string[] = [
  'no SA for its SPI and addresses',
  'ICV mismatch: wrong key or damaged packet',
  'truncated: the capture holds only part of the ESP packet',
  'too short for its IV and ICV, or not whole cipher blocks',
  'bad padding: wrong encryption key?',
  'the SA\'s keys could not be used',
];

const FIRST = 5;
const SPIS = 4;

/** The first `n` frame numbers of two parts' first-frame lists, in frame order (parts merge as one count). */
export function firstFrames(a: readonly number[], b: readonly number[], n: number): number[] {
  return [...a, ...b].sort((x, y) => x - y).slice(0, n);
}

/** What an EspStats counted, as plain data (handed from a parallel run's workers to the coordinator). */
export interface EspSnapshot {
  decrypted: number; unverified: number; dummy: number;
  failed: number[]; frames: number[][]; spis: number[]; spiFrames: number[]; spiMore: boolean;
}

export class EspStats {
  decrypted = 0;
  /** Decrypted with no integrity check (NULL or "ANY n bit" authentication). */
  unverified = 0;
  /** Decrypted dummy packets (next header 59, RFC 4303 §2.6): nothing inside. */
  dummy = 0;
  readonly failed = new Float64Array(ESP_REASONS.length);
  private frames: number[][] = ESP_REASONS.map(() => []);
  /** First SPIs that had no SA (shown so the key file can be fixed). */
  private spis: number[] = [];
  /** The frame each of `spis` was first met in (to merge parts in frame order). */
  private spiFrames: number[] = [];
  private spiMore = false;

  fail(reason: number, frame: number, spi: number): void {
    this.failed[reason]!++;
    const fr = this.frames[reason]!;
    if (fr.length < FIRST) fr.push(frame);
    if (reason === ESP_NO_SA) this.meetSpi(spi, frame);
  }

  /** An SPI with no SA, met at `frame` (frames in order): kept among the first SPIS, else counted as more. */
  private meetSpi(spi: number, frame: number): void {
    if (this.spis.includes(spi)) return;
    if (this.spis.length < SPIS) { this.spis.push(spi); this.spiFrames.push(frame); } else this.spiMore = true;
  }

  /** What was counted since the last take(), as data; the counts start over. */
  take(): EspSnapshot {
    const snap: EspSnapshot = {
      decrypted: this.decrypted, unverified: this.unverified, dummy: this.dummy,
      failed: Array.from(this.failed), frames: this.frames.map((f) => f.slice()), spis: this.spis.slice(), spiFrames: this.spiFrames.slice(), spiMore: this.spiMore,
    };
    this.decrypted = 0; this.unverified = 0; this.dummy = 0;
    this.failed.fill(0);
    for (const f of this.frames) f.length = 0;
    this.spis = [];
    this.spiFrames = [];
    this.spiMore = false;
    return snap;
  }

  /** Adds another part's counts: the first frames of each reason kept in frame order, the first SPIs in order met. */
  absorb(s: EspSnapshot): void {
    this.decrypted += s.decrypted; this.unverified += s.unverified; this.dummy += s.dummy;
    for (let r = 0; r < ESP_REASONS.length; r++) {
      this.failed[r]! += s.failed[r] ?? 0;
      this.frames[r] = firstFrames(this.frames[r]!, s.frames[r] ?? [], FIRST);
    }
    // Each part kept its first SPIs: the first of their union, by frame, are the first of the whole.
    const met = this.spis.map((spi, i) => ({ spi, frame: this.spiFrames[i]! }))
      .concat(s.spis.map((spi, i) => ({ spi, frame: s.spiFrames[i]! })))
      .sort((a, b) => a.frame - b.frame);
    this.spis = [];
    this.spiFrames = [];
    for (const m of met) this.meetSpi(m.spi, m.frame);
    if (s.spiMore) this.spiMore = true;
  }

  get failures(): number {
    let n = 0;
    for (const v of this.failed) n += v;
    return n;
  }

  /** Per reason: count and first frames (for the UI's capture tab). */
  entries(): { reason: string; count: number; frames: readonly number[] }[] {
    const out: { reason: string; count: number; frames: readonly number[] }[] = [];
    for (let r = 0; r < ESP_REASONS.length; r++) {
      if (this.failed[r]! > 0) out.push({ reason: this.reason(r), count: this.failed[r]!, frames: this.frames[r]! });
    }
    return out.sort((a, b) => b.count - a.count);
  }

  private reason(r: number): string {
    if (r !== ESP_NO_SA || this.spis.length === 0) return ESP_REASONS[r]!;
    const more = this.spiMore ? ', ...' : '';
    return `${ESP_REASONS[r]} (SPI ${this.spis.map((s) => '0x' + (s >>> 0).toString(16).padStart(8, '0')).join(', ')}${more})`;
  }

  /** The summary paragraph ([] when every ESP packet was decrypted). */
  lines(): string[] {
    const bad = this.failures;
    if (bad === 0) return [];
    const total = bad + this.decrypted;
    const out = [`ESP: ${this.decrypted} of ${total} packets decrypted; ${bad} could not be:`];
    for (const e of this.entries()) {
      const more = e.count > e.frames.length ? ', ...' : '';
      out.push(`  ${e.count} ${e.reason} (frame ${e.frames.join(', ')}${more})`);
    }
    return out;
  }
}
