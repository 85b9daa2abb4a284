/**
 * IEEE 802.11 data frames (LINKTYPE 105), and the radiotap (127) and PPI
 * (192) headers that precede them in monitor-mode captures.
 *
 * Only data frames carry IP: type 2, not a null-function subtype, not
 * protected (encrypted bodies are opaque). The MAC header is 24 bytes, +6
 * for the fourth address (to-DS and from-DS), +2 for QoS control, +4 for HT
 * control (QoS with the order bit); then LLC/SNAP. A-MSDU aggregates are not
 * split (their subframes are left undecoded). Fragments are decoded like IP
 * fragments: the first one as far as it goes, later ones not at all.
 */
import { push, short } from '../frame.ts';
import { linkTypes, registerLinkType } from '../registry.ts';
import { type DecodedFrame, K_IEEE80211, K_PPI, K_RADIOTAP } from '../types.ts';
import { decodeLlc } from './llc.ts';

export function decodeIeee80211(f: DecodedFrame, off: number, end: number): void {
  if (end - off < 2) return short(f, K_IEEE80211, off, 2, end);
  const b = f.buf;
  const fc0 = b[off]!;
  const fc1 = b[off + 1]!;
  if (((fc0 >> 2) & 3) !== 2 || (fc0 & 3) !== 0) return; // not a version-0 data frame
  const subtype = fc0 >> 4;
  if (subtype & 4) return; // null function: no body
  let hl = 24;
  if ((fc1 & 3) === 3) hl += 6;
  const qos = (subtype & 8) !== 0;
  if (qos) hl += 2;
  if (qos && (fc1 & 0x80)) hl += 4;
  if (end - off < hl) return short(f, K_IEEE80211, off, hl, end);
  if (!push(f, K_IEEE80211, off)) return;
  if (fc1 & 0x40) return; // protected
  const seqCtl = b[off + 22]! | (b[off + 23]! << 8);
  if ((seqCtl & 0xf) !== 0) return; // a later fragment
  if (qos && (b[off + hl - (fc1 & 0x80 ? 6 : 2)]! & 0x80)) return; // A-MSDU
  decodeLlc(f, off + hl, end);
}

/** Radiotap: a little-endian length; the flags field says whether an FCS ends the frame. */
export function decodeRadiotap(f: DecodedFrame, off: number, end: number): void {
  if (end - off < 8) return short(f, K_RADIOTAP, off, 8, end);
  const b = f.buf;
  const len = b[off + 2]! | (b[off + 3]! << 8);
  if (len < 8 || end - off < len) return short(f, K_RADIOTAP, off, len < 8 ? 8 : len, end);
  if (!push(f, K_RADIOTAP, off)) return;
  // Present bitmaps chain while bit 31 is set; fields follow, each aligned to its size.
  let p = off + 4;
  const present = b[p]! | (b[p + 1]! << 8) | (b[p + 2]! << 16) | (b[p + 3]! << 24);
  while (p + 4 <= off + len && (b[p + 3]! & 0x80)) p += 4;
  p += 4;
  if (present & 1) p = off + ((p - off + 7) & ~7) + 8; // TSFT
  if ((present & 2) && p < off + len && (b[p]! & 0x10)) {
    // Flags: FCS at end. Only its captured part is removed (a cut frame lost its tail first).
    const missing = f.wireLen - f.capLen;
    const fcs = 4 - (missing > 0 ? missing : 0);
    if (fcs > 0 && end === f.end && end - (off + len) >= fcs) end -= fcs;
  }
  decodeIeee80211(f, off + len, end);
}

/** PPI: a little-endian header length and the link type of what follows (usually 802.11). */
export function decodePpi(f: DecodedFrame, off: number, end: number): void {
  if (end - off < 8) return short(f, K_PPI, off, 8, end);
  const b = f.buf;
  const len = b[off + 2]! | (b[off + 3]! << 8);
  if (len < 8 || end - off < len) return short(f, K_PPI, off, len < 8 ? 8 : len, end);
  if (!push(f, K_PPI, off)) return;
  const dlt = b[off + 4]! | (b[off + 5]! << 8) | (b[off + 6]! << 16) | (b[off + 7]! * 0x1000000);
  if (dlt === 192) return; // PPI inside PPI: refuse the loop
  linkTypes[dlt]?.(f, off + len, end);
}

registerLinkType(105, decodeIeee80211);
registerLinkType(127, decodeRadiotap);
registerLinkType(192, decodePpi);
