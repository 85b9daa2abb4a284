/**
 * Classic pcap (libpcap) reader: the 24-byte file header, then 16-byte record
 * headers each followed by incl_len bytes. Four magics (µs/ns × both byte
 * orders); the link-type word carries the FCS length in its top bits
 * (0x04000000 = FCS length present, 0xF0000000 = length in 16-bit words, as
 * libpcap's LT_FCS_* and Wireshark's libpcap.c read them).
 *
 * Damage policy: a record whose incl_len exceeds what any writer produces
 * (Wireshark: the per-encapsulation maximum, 256 KiB for most) means the
 * framing is lost; reading stops there with a warning, keeping what came
 * before. incl_len above the file's snaplen but within that maximum is read
 * as is (Wireshark does too) with one warning.
 */
import { CaptureError } from './types.ts';
import type { ByteSource, PacketRecord } from './types.ts';
import { ChunkedReader } from './chunked.ts';
import type { CountingSource } from './sources.ts';
import { hexBytes } from './sniff.ts';

export const PCAP_MAGICS = {
  US: 0xa1b2c3d4,
  NS: 0xa1b23c4d,
  /** Alexey Kuznetzov's modified pcap (also written by some Nokia/SuSE tools): extra per-record fields. */
  MODIFIED: 0xa1b2cd34,
} as const;

/** Largest incl_len accepted before the file is considered damaged (Wireshark's WTAP_MAX_PACKET_SIZE_STANDARD). */
export const PCAP_MAX_STANDARD = 262144;
/** Absolute cap, whatever the snaplen says (bounds memory for a stitched record). */
export const PCAP_MAX_RECORD = 16 << 20;

export class PcapReader extends ChunkedReader {
  readonly format = 'pcap' as const;
  private le = true;
  private nanos = false;
  private snapLen = 0;
  private maxCap = PCAP_MAX_STANDARD;
  private started = false;
  private warnedSnap = false;

  constructor(src: ByteSource, counter: CountingSource | null, gzip: boolean, fileIndex = 0) {
    super(src, counter, gzip, fileIndex);
  }

  /** Reads and checks the file header; throws CaptureError when the input is not a readable pcap. */
  async start(): Promise<void> {
    if (!(await this.ensure(24))) {
      throw new CaptureError(`pcap file header truncated: expected 24 bytes, found ${this.end - this.pos} at offset 0`, 0, this.source);
    }
    this.readHeader();
    this.started = true;
  }

  private readHeader(): void {
    const b = this.buf;
    const p = this.pos;
    const m = ((b[p]! << 24) | (b[p + 1]! << 16) | (b[p + 2]! << 8) | b[p + 3]!) >>> 0;
    const dvm = this.dv.getUint32(p, true);
    let le: boolean;
    let magic: number;
    if (dvm === PCAP_MAGICS.US || dvm === PCAP_MAGICS.NS || dvm === PCAP_MAGICS.MODIFIED) { le = true; magic = dvm; }
    else { le = false; magic = m; }
    if (magic === PCAP_MAGICS.MODIFIED) {
      throw new CaptureError(`modified pcap format (magic ${hexBytes(b, p, 4)}, Kuznetzov/Nokia/SuSE variant) is not supported: expected a standard pcap or pcapng file at offset 0`, 0, this.source);
    }
    if (magic !== PCAP_MAGICS.US && magic !== PCAP_MAGICS.NS) {
      throw new CaptureError(`expected a pcap or pcapng file, found bytes ${hexBytes(b, p, 4)} at offset 0`, 0, this.source);
    }
    this.le = le;
    this.nanos = magic === PCAP_MAGICS.NS;
    const dv = this.dv;
    const major = dv.getUint16(p + 4, le);
    const minor = dv.getUint16(p + 6, le);
    if (major !== 2 && major !== 1) {
      // Wireshark accepts only major 2 (and 1 for very old files).
      throw new CaptureError(`pcap major version ${major} is not supported: expected 2, found ${major} at offset 4`, 4, this.source);
    }
    this.snapLen = dv.getUint32(p + 16, le);
    const lt = dv.getUint32(p + 20, le);
    const fcsLen = (lt & 0x04000000) !== 0 ? ((lt >>> 28) & 0xf) * 2 : 0;
    const linkType = lt & 0xffff;
    // Generous limit for link types whose packets exceed 256 KiB (D-Bus, USB): trust a larger snaplen up to the cap.
    this.maxCap = Math.min(PCAP_MAX_RECORD, Math.max(PCAP_MAX_STANDARD, this.snapLen));
    this.interfaces.push({
      index: 0, file: this.fileIndex, section: 0, linkType, snapLen: this.snapLen,
      name: '', description: '', fcsLen,
    });
    this.sections.push({
      file: this.fileIndex, index: 0, littleEndian: le, major, minor,
      hardware: '', os: '', userAppl: '', comments: [],
    });
    this.pos += 24;
  }

  protected parse(): PacketRecord | null {
    if (!this.started) return null;
    const left = this.end - this.pos;
    if (left < 16) { this.need = 16; return null; }
    const dv = this.dv;
    const le = this.le;
    const p = this.pos;
    const incl = dv.getUint32(p + 8, le);
    if (incl > this.maxCap) {
      return this.stop(`pcap record at offset ${this.base + p} has captured length ${incl}, more than the maximum ${this.maxCap}: the file is damaged from here`, this.base + p);
    }
    if (left < 16 + incl) { this.need = 16 + incl; return null; }
    if (incl > this.snapLen && !this.warnedSnap) {
      this.warnedSnap = true;
      this.warn(`pcap record at offset ${this.base + p} has captured length ${incl}, more than the snapshot length ${this.snapLen} (read as is)`, this.base + p, this.frames + 1);
    }
    const r = this.rec;
    let sec = dv.getUint32(p, le);
    let frac = dv.getUint32(p + 4, le);
    if (this.nanos) {
      if (frac >= 1e9) { sec += Math.floor(frac / 1e9); frac %= 1e9; }
      r.tsNsec = frac;
    } else {
      if (frac >= 1e6) { sec += Math.floor(frac / 1e6); frac %= 1e6; }
      r.tsNsec = frac * 1000;
    }
    r.tsSec = sec;
    r.origLen = dv.getUint32(p + 12, le);
    r.capLen = incl;
    r.buf = this.buf;
    r.off = p + 16;
    r.fileOffset = this.base + p;
    r.frame = ++this.frames;
    this.pos = p + 16 + incl;
    return r;
  }
}
