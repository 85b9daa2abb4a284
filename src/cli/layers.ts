/**
 * `wiretrace --layers -r FILE`: one TSV line per IP layer per frame (the
 * format is documented in README.md, "`--layers` output"). It exists to show
 * the decoder's view of a capture and to compare it with tshark
 * (test/differential).
 *
 * Output is built into large strings and written in chunks, honouring
 * backpressure, never a write per line. Unreadable captures end the run with
 * one message and status 1; damaged frames are counted and summarised on
 * stderr at the end.
 */
import { statSync } from 'node:fs';
import { openCaptureFiles } from '../capture/open.node.ts';
import { CaptureError, type CaptureReader } from '../capture/types.ts';
import {
  Decoder, type DecodedFrame, DIR_IN, DIR_OUT, dstString, type IpLayer, srcString,
} from '../decode/index.ts';
import type { CliOptions } from './args.ts';

const HEX2: string[] = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

function hex16(v: number): string {
  return '0x' + HEX2[v >>> 8]! + HEX2[v & 0xff]!;
}

function hexFlow(v: number): string {
  return '0x' + (v >>> 16).toString(16) + HEX2[(v >>> 8) & 0xff]! + HEX2[v & 0xff]!;
}

/** The TSV line for one IP layer (with its trailing newline). */
export function layerLine(f: DecodedFrame, l: IpLayer): string {
  const dir = f.direction === DIR_IN ? 'in' : f.direction === DIR_OUT ? 'out' : '-';
  const head = f.frame + '\t' + l.depth + '\t' + l.ifName + '\t' + dir + '\t' + l.version + '\t' +
    srcString(f, l) + '\t' + dstString(f, l) + '\t' + l.plength + '\t';
  if (l.version === 4) {
    return head + l.ttl + '\t' + l.upper + '\t' + hex16(l.ident) + '\t0x' + l.flags + '\t' + l.fragOffset +
      '\t' + hex16(l.checksum) + '\t0x' + HEX2[l.tos]! + '\t-\n';
  }
  return head + l.hopLimit + '\t' + l.upper + '\t-\t-\t-\t-\t0x' + HEX2[l.tclass]! + '\t' + hexFlow(l.flow) + '\n';
}

const CHUNK = 1 << 20;
/** Room one line can need beyond its interface name: 2 IPv6 addresses (45 each) and 14 short fields. */
const LINE_MAX = 256;
const D = 48; // '0'
const HEXC = Uint8Array.from('0123456789abcdef', (c) => c.charCodeAt(0));
/** 0..999 as [length, digit, digit, digit] (unused digit slots are scratch). */
const DIG3 = new Uint8Array(4000);
for (let i = 0; i < 1000; i++) {
  const t = String(i);
  DIG3[i * 4] = t.length;
  for (let j = 0; j < t.length; j++) DIG3[i * 4 + 1 + j] = t.charCodeAt(j);
}

/**
 * Writes --layers lines straight into a byte buffer: digits, dotted quads and
 * hex are produced byte by byte, so a line allocates nothing (strings only for
 * IPv6 addresses, which are cached per layer, and interface names, encoded once).
 * Produces exactly the bytes of layerLine() (a unit test holds them together).
 */
export class LayerWriter {
  buf = Buffer.allocUnsafe(CHUNK + LINE_MAX);
  pos = 0;
  private names = new Map<string, Uint8Array>();

  constructor(private readonly flush: (chunk: Buffer) => Promise<void> | void) {}

  private lastName = '';
  private lastEnc: Uint8Array = new Uint8Array(0);

  private ascii(s: string): void {
    let enc = s === this.lastName ? this.lastEnc : this.names.get(s);
    if (enc === undefined) {
      enc = Buffer.from(s, 'latin1');
      if (this.names.size < 4096) this.names.set(s, enc);
    }
    this.lastName = s;
    this.lastEnc = enc;
    this.buf.set(enc, this.pos);
    this.pos += enc.length;
  }

  private str(s: string): void {
    const b = this.buf;
    let p = this.pos;
    for (let i = 0; i < s.length; i++) b[p++] = s.charCodeAt(i);
    this.pos = p;
  }

  private int(n: number): void {
    const b = this.buf;
    if (n < 0) { b[this.pos++] = 45; n = -n; }
    if (n < 1000) {
      const t = n << 2;
      const len = DIG3[t]!;
      b[this.pos] = DIG3[t + 1]!;
      b[this.pos + 1] = DIG3[t + 2]!;
      b[this.pos + 2] = DIG3[t + 3]!;
      this.pos += len;
      return;
    }
    const hi = Math.floor(n / 1000);
    this.int(hi);
    const lo = n - hi * 1000;
    const q = Math.floor(lo / 100);
    const r = lo - q * 100;
    const t = Math.floor(r / 10);
    b[this.pos] = D + q; b[this.pos + 1] = D + t; b[this.pos + 2] = D + (r - t * 10);
    this.pos += 3;
  }

  private hex(v: number, digits: number): void {
    const b = this.buf;
    b[this.pos] = D; b[this.pos + 1] = 120; // 0x
    let p = this.pos + 2 + digits;
    this.pos = p;
    for (let i = 0; i < digits; i++) { b[--p] = HEXC[v & 15]!; v >>>= 4; }
  }

  private dotted(src: Uint8Array, o: number): void {
    this.int(src[o]!); this.buf[this.pos++] = 46;
    this.int(src[o + 1]!); this.buf[this.pos++] = 46;
    this.int(src[o + 2]!); this.buf[this.pos++] = 46;
    this.int(src[o + 3]!);
  }

  private dash(): void { this.buf[this.pos++] = 45; this.buf[this.pos++] = 9; }
  private tab(): void { this.buf[this.pos++] = 9; }

  /** Appends the line for layer `l` of frame `f`; flushes first when the chunk is full. */
  line(f: DecodedFrame, l: IpLayer): Promise<void> | void {
    let w: Promise<void> | void = undefined;
    if (this.pos + LINE_MAX + l.ifName.length > this.buf.length) w = this.drain();
    this.int(f.frame); this.tab();
    this.int(l.depth); this.tab();
    this.ascii(l.ifName); this.tab();
    const b = this.buf;
    if (f.direction === DIR_IN) { b[this.pos++] = 105; b[this.pos++] = 110; } // in
    else if (f.direction === DIR_OUT) { b[this.pos++] = 111; b[this.pos++] = 117; b[this.pos++] = 116; } // out
    else b[this.pos++] = 45;
    this.tab();
    if (l.version === 4) {
      b[this.pos++] = 52; this.tab();
      this.dotted(f.buf, l.srcOff); this.tab();
      this.dotted(f.buf, l.dstOff); this.tab();
      this.int(l.plength); this.tab();
      this.int(l.ttl); this.tab();
      this.int(l.upper); this.tab();
      this.hex(l.ident, 4); this.tab();
      this.hex(l.flags, 1); this.tab();
      this.int(l.fragOffset); this.tab();
      this.hex(l.checksum, 4); this.tab();
      this.hex(l.tos, 2); this.tab();
      b[this.pos++] = 45;
    } else {
      b[this.pos++] = 54; this.tab();
      this.str(srcString(f, l)); this.tab();
      this.str(dstString(f, l)); this.tab();
      this.int(l.plength); this.tab();
      this.int(l.hopLimit); this.tab();
      this.int(l.upper); this.tab();
      this.dash(); this.dash(); this.dash(); this.dash();
      this.hex(l.tclass, 2); this.tab();
      this.hex(l.flow, 5);
    }
    b[this.pos++] = 10;
    return w;
  }

  /** Hands a copy of the buffered bytes to `flush` and keeps the chunk (live input: small, frequent flushes). */
  drainCopy(): Promise<void> | void {
    if (this.pos === 0) return;
    const out = Buffer.from(this.buf.subarray(0, this.pos));
    this.pos = 0;
    return this.flush(out);
  }

  /** Hands the buffered bytes to `flush` and starts a fresh chunk (the old one now belongs to the writer). */
  drain(): Promise<void> | void {
    if (this.pos === 0) return;
    const out = this.buf.subarray(0, this.pos);
    this.buf = Buffer.allocUnsafe(CHUNK + LINE_MAX);
    this.pos = 0;
    return this.flush(out);
  }
}

/**
 * Streams every frame's layers to `write`; returns the decoder (for its summary).
 * `live` (standard input, a pipe, a device): the lines of each chunk read are
 * handed to `write` before waiting for the next one, so `tcpdump -U -w - |
 * wiretrace --layers -r -` prints packets as they arrive; per chunk, not per
 * line, so a fast stream still writes in large pieces. Files batch up to 1 MiB.
 */
export async function writeLayers(r: CaptureReader, write: (chunk: Buffer) => Promise<void> | void, live = false): Promise<Decoder> {
  const dec = new Decoder();
  const ifaces = r.interfaces;
  const out = new LayerWriter(write);
  for (;;) {
    for (let p = r.nextSync(); p !== null; p = r.nextSync()) {
      const f = dec.decode(p, ifaces);
      for (let i = 0; i < f.ipCount; i++) {
        const w = out.line(f, f.ip[i]!);
        if (w !== undefined) await w;
      }
    }
    if (live && out.pos > 0) await out.drainCopy();
    if (!(await r.fill())) break;
  }
  await out.drain();
  return dec;
}

function stdoutWrite(chunk: Buffer): Promise<void> | void {
  if (process.stdout.write(chunk)) return;
  return new Promise((resolve) => process.stdout.once('drain', resolve));
}

/** Standard input, or a path that is not a regular file (a FIFO, /dev/stdin): its bytes arrive over time. */
function isLive(path: string): boolean {
  if (path === '-') return true;
  try {
    return !statSync(path).isFile();
  } catch {
    return false;
  }
}

export async function runLayers(opts: CliOptions, prog: string): Promise<number> {
  if (opts.captures.length === 0) {
    process.stderr.write(`${prog}: --layers needs a capture: -r FILE\n`);
    return 2;
  }
  let r: CaptureReader;
  try {
    r = await openCaptureFiles(opts.captures);
  } catch (e) {
    if (e instanceof CaptureError) {
      process.stderr.write(`${prog}: ${e.source || opts.captures[0]}: ${e.message}\n`);
      return 1;
    }
    throw e;
  }
  let dec: Decoder;
  try {
    dec = await writeLayers(r, stdoutWrite, opts.captures.some(isLive));
  } catch (e) {
    if (e instanceof CaptureError) {
      process.stderr.write(`${prog}: ${e.source || r.source}: ${e.message}\n`);
      return 1;
    }
    throw e;
  } finally {
    await r.close().catch(() => undefined);
  }
  const lines: string[] = [];
  for (const w of r.warnings) lines.push(`${prog}: warning: ${w.frame > 0 ? `frame ${w.frame}: ` : ''}${w.message}`);
  dec.summary.lines().forEach((s, i) => lines.push(i === 0 ? `${prog}: warning: ${s}` : s));
  if (lines.length > 0) process.stderr.write(lines.join('\n') + '\n');
  return 0;
}
