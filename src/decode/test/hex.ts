/**
 * Test helpers: packets as hex dumps (whitespace, offsets and `|ascii|`
 * columns ignored, as gopacket's tests keep them), and one-call decoding
 * of a byte array as a record of a given link type.
 */
import type { CaptureInterface, PacketRecord } from '../../capture/types.ts';
import { Decoder } from '../decoder.ts';
import '../index.ts';
import type { DecodedFrame } from '../types.ts';

/** Parses "0000  45 00 00 3c ..." style dumps (an optional leading offset column per line). */
export function hex(dump: string): Uint8Array {
  const out: number[] = [];
  for (let line of dump.split('\n')) {
    line = line.replace(/\|.*$/, '').trim();
    if (line === '') continue;
    const parts = line.split(/\s+/);
    if (/^[0-9a-f]{4,}:?$/i.test(parts[0]!) && parts[0]!.length >= 4 && parts.length > 1) parts.shift();
    for (const p of parts) {
      for (let i = 0; i + 1 < p.length; i += 2) out.push(parseInt(p.slice(i, i + 2), 16));
    }
  }
  return Uint8Array.from(out);
}

export function iface(linkType: number, o: Partial<CaptureInterface> = {}): CaptureInterface {
  return { index: 0, file: 0, section: 0, linkType, snapLen: 262144, name: '', description: '', fcsLen: 0, ...o };
}

export function record(bytes: Uint8Array, o: Partial<PacketRecord> = {}, pad = 0): PacketRecord {
  // Put the packet at an offset inside a larger buffer, as readers deliver it, to catch absolute/relative mix-ups.
  const buf = new Uint8Array(bytes.length + pad * 2);
  buf.fill(0xee);
  buf.set(bytes, pad);
  return {
    frame: 1, ifIndex: 0, buf, off: pad, capLen: bytes.length, origLen: bytes.length, tsSec: 0, tsNsec: 0,
    direction: 0, receptionType: 0, epbFlags: 0, queue: -1, dropCount: -1, comments: [], pid: -1, procName: '',
    effPid: -1, effProcName: '', proc: null, fileOffset: 0, ...o,
  };
}

const shared = new Decoder();

/** Decodes `bytes` as one packet of `linkType` (the frame is reused by the next call). */
export function decode(linkType: number, bytes: Uint8Array, o: { rec?: Partial<PacketRecord>; iface?: Partial<CaptureInterface>; dec?: Decoder; pad?: number } = {}): DecodedFrame {
  const d = o.dec ?? shared;
  return d.decode(record(bytes, o.rec, o.pad ?? 7), [iface(linkType, o.iface)]);
}

/** The path's kind names, for readable assertions. */
export function pathNames(f: DecodedFrame, names: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < f.pathLen; i++) out.push(names[f.pathKind[i]!]!);
  return out;
}

// IPv4 10.0.0.1 -> 10.0.0.2, UDP 1234 -> 5678, no payload (28 bytes, correct header checksum).
export const IP4 = hex('45 00 00 1c 00 01 00 00 40 11 66 ce 0a 00 00 01 0a 00 00 02  04 d2 16 2e 00 08 00 00');
// IPv6 ::1 -> ::2, UDP 1234 -> 5678 (48 bytes).
export const IP6 = hex(`
  60 00 00 00 00 08 11 40  00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 01
  00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 02  04 d2 16 2e 00 08 00 00`);
