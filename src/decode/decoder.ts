/**
 * Decodes packet records into the reusable DecodedFrame.
 *
 * Per frame: reset the frame, point it at the record's bytes (zero-copy),
 * drop the FCS when the interface declares one (only the part actually
 * captured), take the direction the capture states, then run the link-type
 * decoder; the chain continues through the registry's tables. Decoders never
 * throw on bad bytes (they bounds-check and mark); as a last line of defence
 * a thrown error is caught and recorded as a malformation, so one bad frame
 * can never end a run.
 *
 * Given ESP keys (an SaTable, now or later with addSas), the decoder
 * decrypts ESP as it decodes (src/decode/ipsec): the frame's `buf` is then
 * the decryptor's scratch copy of the packet until the next decode().
 */
import type { CaptureInterface, PacketRecord } from '../capture/types.ts';
import { interfaceName } from './iface.ts';
import { linkTypes } from './registry.ts';
import { EspDecryptor } from './ipsec/decrypt.ts';
import type { EspSaSpec } from './ipsec/sa.ts';
import { SaTable } from './ipsec/table.ts';
import { DecodeSummary } from './summary.ts';
import { DecodedFrame, K_NONE, M_INTERNAL } from './types.ts';

export interface DecoderOptions {
  /** ESP SAs to decrypt with (shared, not copied: SAs added to it later, from a capture's secrets blocks, apply from the next frame). */
  esp?: SaTable;
}

export class Decoder {
  /** The one frame this decoder fills; valid until the next decode(). */
  readonly frame = new DecodedFrame();
  readonly summary = new DecodeSummary();
  /** Cached interface names by CaptureInterface.index. */
  private names: string[] = [];
  private namedIfaces: (CaptureInterface | undefined)[] = [];
  /** The ESP decryptor, when there are keys. */
  private esp: EspDecryptor | null = null;

  constructor(opts: DecoderOptions = {}) {
    if (opts.esp !== undefined) this.useTable(opts.esp);
  }

  /** The SA table in use (null: no keys). */
  get sas(): SaTable | null { return this.esp?.table ?? null; }

  /** Adds SAs (from a key file or a pcapng Decryption Secrets Block); they apply from the next frame. */
  addSas(sas: readonly EspSaSpec[]): void {
    if (sas.length === 0) return;
    if (this.esp === null) this.useTable(new SaTable());
    for (const sa of sas) this.esp!.table.add(sa);
  }

  private useTable(t: SaTable): void {
    this.esp = new EspDecryptor(t);
    this.frame.ipsec = this.esp;
    this.summary.esp = this.esp.stats;
  }

  /**
   * Decodes `rec` (whose interface is `ifaces[rec.ifIndex]`). Counts it in the
   * summary unless `count` is false.
   */
  decode(rec: PacketRecord, ifaces: readonly CaptureInterface[], count = true): DecodedFrame {
    const f = this.frame;
    f.reset();
    const iface = ifaces[rec.ifIndex];
    const linkType = iface !== undefined ? iface.linkType : -1;
    let cap = rec.capLen;
    if (iface !== undefined && iface.fcsLen > 0) {
      // Only the part of the FCS that was captured: a cut frame lost its tail first.
      const missing = rec.origLen - rec.capLen;
      const fcs = iface.fcsLen - (missing > 0 ? missing : 0);
      if (fcs > 0) cap = cap > fcs ? cap - fcs : 0;
    }
    f.buf = rec.buf;
    f.start = rec.off;
    f.capLen = cap;
    f.end = rec.off + cap;
    f.wireLen = rec.origLen;
    f.frame = rec.frame;
    f.ifIndex = rec.ifIndex;
    f.linkType = linkType;
    f.direction = rec.direction;
    f.ifName = iface !== undefined ? this.nameOf(iface) : 'if' + rec.ifIndex;
    const esp = this.esp;
    if (esp !== null) { esp.ifaces = ifaces; esp.counting = count; }
    const d = linkType >= 0 ? linkTypes[linkType] : undefined;
    if (d !== undefined) {
      try {
        d(f, f.start, f.end);
      } catch {
        // Not reachable by design (every read is bounds-checked); kept so a bug costs one frame, not the run.
        f.malReason = M_INTERNAL;
        f.malKind = K_NONE;
        f.malOffset = 0;
      }
    }
    if (count) this.summary.add(f);
    return f;
  }

  private nameOf(i: CaptureInterface): string {
    let n = this.names[i.index];
    if (n === undefined || this.namedIfaces[i.index] !== i) {
      n = interfaceName(i);
      this.names[i.index] = n;
      this.namedIfaces[i.index] = i;
    }
    return n;
  }
}
