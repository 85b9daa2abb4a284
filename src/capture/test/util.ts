/** Test helpers: read a whole capture into plain objects (copies, since records are reused views). */
import type { ByteSource, CaptureReader, PacketRecord } from '../types.ts';
import { bytesSource } from '../sources.ts';
import { openCapture } from '../open.ts';

export interface Rec {
  frame: number;
  ifIndex: number;
  data: number[];
  capLen: number;
  origLen: number;
  tsSec: number;
  tsNsec: number;
  direction: number;
  receptionType: number;
  epbFlags: number;
  queue: number;
  dropCount: number;
  comments: string[];
  pid: number;
  procName: string;
  effPid: number;
  effProcName: string;
  fileOffset: number;
}

export function copyRecord(p: PacketRecord): Rec {
  return {
    frame: p.frame, ifIndex: p.ifIndex, data: Array.from(p.buf.subarray(p.off, p.off + p.capLen)),
    capLen: p.capLen, origLen: p.origLen, tsSec: p.tsSec, tsNsec: p.tsNsec, direction: p.direction,
    receptionType: p.receptionType, epbFlags: p.epbFlags, queue: p.queue, dropCount: p.dropCount,
    comments: [...p.comments], pid: p.pid, procName: p.procName, effPid: p.effPid, effProcName: p.effProcName,
    fileOffset: p.fileOffset,
  };
}

export async function drain(r: CaptureReader, each?: (p: PacketRecord) => void): Promise<Rec[]> {
  const out: Rec[] = [];
  for (;;) {
    for (let p = r.nextSync(); p !== null; p = r.nextSync()) {
      each?.(p);
      out.push(copyRecord(p));
    }
    if (!(await r.fill())) break;
  }
  return out;
}

export async function readBytes(bytes: Uint8Array, chunkSize = 0): Promise<{ reader: CaptureReader; recs: Rec[] }> {
  const reader = await openCapture(bytesSource(bytes, 'test', chunkSize));
  const recs = await drain(reader);
  return { reader, recs };
}

export async function readSource(src: ByteSource): Promise<{ reader: CaptureReader; recs: Rec[] }> {
  const reader = await openCapture(src);
  const recs = await drain(reader);
  return { reader, recs };
}

/** A small Ethernet/IPv4/UDP frame whose payload carries `n` (distinct frames, valid headers). */
export function udpFrame(n: number, payloadLen = 8): Uint8Array {
  const f = new Uint8Array(14 + 20 + 8 + payloadLen);
  const dv = new DataView(f.buffer);
  f.set([0x02, 0, 0, 0, 0, 0x02, 0x02, 0, 0, 0, 0, 0x01], 0);
  dv.setUint16(12, 0x0800);
  const ip = 14;
  f[ip] = 0x45;
  dv.setUint16(ip + 2, 20 + 8 + payloadLen);
  dv.setUint16(ip + 4, n & 0xffff);
  f[ip + 8] = 64;
  f[ip + 9] = 17;
  f.set([192, 168, 1, 1], ip + 12);
  f.set([192, 168, 1, 2], ip + 16);
  let sum = 0;
  for (let i = 0; i < 20; i += 2) sum += dv.getUint16(ip + i);
  while (sum > 0xffff) sum = (sum & 0xffff) + (sum >>> 16);
  dv.setUint16(ip + 10, ~sum & 0xffff);
  const u = ip + 20;
  dv.setUint16(u, 40000 + (n % 1000));
  dv.setUint16(u + 2, 53);
  dv.setUint16(u + 4, 8 + payloadLen);
  for (let i = 0; i < payloadLen; i++) f[u + 8 + i] = (n + i) & 0xff;
  return f;
}
