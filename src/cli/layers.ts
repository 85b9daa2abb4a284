/**
 * `wiretrace --layers -r FILE`: one TSV line per IP layer per frame (the
 * format is documented in README.md, "`--layers` output"). It exists to show
 * the decoder's view of a capture and to compare it with tshark
 * (test/differential).
 *
 * Lines are written as bytes into a 1 MiB buffer (LayerWriter, with the
 * word-at-a-time formatters of layers-fmt.ts), handed to stdout whole,
 * honouring backpressure, never a write per line; layerLine() is the
 * string-building reference the writer must match byte for byte.
 * Unreadable captures end the run with one message and status 1; damaged
 * frames are counted and summarised on stderr at the end.
 */
import { statSync } from 'node:fs';
import { openCaptureFiles } from '../capture/open.node.ts';
import { CaptureError, type CaptureReader } from '../capture/types.ts';
import {
  Decoder, type DecodedFrame, DIR_IN, DIR_OUT, dstString, type IpLayer, srcString,
} from '../decode/index.ts';
import { EspKeys } from '../engine/esp-keys.ts';
import type { CliOptions } from './args.ts';
import { readKeyFiles } from './keyfiles.ts';
import {
  HEXC, OX_TAB, putDecTab, putHex, putHex2Tab, putHex4Tab, putIntTab, putIpv4Tab, putIpv6,
} from './layers-fmt.ts';

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
// Fixed pieces as little-endian words (bytes past the piece are scratch).
const IN_TAB = 0x096e69; // "in\t"
const OUT_TAB = 0x0974756f; // "out\t"
const DASH_TAB = 0x092d; // "-\t"
const DASHES = 0x092d092d; // "-\t-\t"

/**
 * Writes --layers lines straight into a byte buffer: digits, addresses and
 * hex come from lookup tables, mostly as one unaligned 4-byte DataView store
 * per field and separator (layers-fmt.ts), with the write position in a
 * local, so a line allocates nothing (interface names are encoded once).
 * Produces exactly the bytes of layerLine() (a unit test holds them together).
 */
export class LayerWriter {
  buf = Buffer.allocUnsafe(CHUNK + LINE_MAX);
  /** The one DataView on `buf` (replaced with it), for word-at-a-time stores. */
  private dv = new DataView(this.buf.buffer, this.buf.byteOffset, this.buf.byteLength);
  pos = 0;
  private names = new Map<string, Uint8Array>();

  /**
   * Chunks the writer has released (written out): reused instead of a new
   * 1 MiB buffer per flush. Fresh buffers are external memory, which V8
   * collects only under external-memory pressure, and this loop makes too
   * little garbage to trigger a collection: without reuse, 30 or so released
   * chunks stayed resident (peak RSS 96 MB against 71 MB).
   */
  private readonly spare: Buffer<ArrayBuffer>[] = [];

  /** `flush` may call `release` once the chunk is written out; the chunk is then reused. */
  constructor(private readonly flush: (chunk: Buffer, release: () => void) => Promise<void> | void) {}

  private lastName = '';
  private lastEnc: Uint8Array = new Uint8Array(0);

  /** The interface name's latin1 bytes (what the string-building path wrote), cached. */
  private nameBytes(s: string): Uint8Array {
    if (s === this.lastName) return this.lastEnc;
    let enc = this.names.get(s);
    if (enc === undefined) {
      enc = Buffer.from(s, 'latin1');
      if (this.names.size < 4096) this.names.set(s, enc);
    }
    this.lastName = s;
    this.lastEnc = enc;
    return enc;
  }

  /** Appends the line for layer `l` of frame `f`; flushes first when the chunk is full. */
  line(f: DecodedFrame, l: IpLayer): Promise<void> | void {
    let w: Promise<void> | void = undefined;
    const name = this.nameBytes(l.ifName);
    if (this.pos + LINE_MAX + name.length > this.buf.length) w = this.drain();
    const b = this.buf;
    const d = this.dv;
    let p = this.pos;
    p = putIntTab(b, d, p, f.frame);
    p = putIntTab(b, d, p, l.depth);
    // Names are a few bytes: a loop beats TypedArray#set's call.
    for (let i = 0; i < name.length; i++) b[p++] = name[i]!;
    b[p++] = 9;
    const dir = f.direction;
    if (dir === DIR_IN) { d.setUint32(p, IN_TAB, true); p += 3; }
    else if (dir === DIR_OUT) { d.setUint32(p, OUT_TAB, true); p += 4; }
    else { d.setUint16(p, DASH_TAB, true); p += 2; }
    const src = f.buf;
    // The header fields are read from the header's bytes, as IpLayer's getters
    // read them (the decoder sets version only once the fixed header is there),
    // without each getter's version check and loads.
    const h = l.buf;
    const o = l.off;
    if (l.version === 4) {
      d.setUint16(p, 0x0934, true); p += 2; // "4\t"
      p = putIpv4Tab(d, p, src, l.srcOff);
      p = putIpv4Tab(d, p, src, l.dstOff);
      p = putIntTab(b, d, p, l.plength);
      p = putDecTab(d, p, h[o + 8]!); // ttl
      p = putIntTab(b, d, p, l.upper);
      p = putHex4Tab(d, p, h[o + 4]!, h[o + 5]!); // ident
      d.setUint32(p, OX_TAB | (HEXC[h[o + 6]! >> 5]! << 16), true); p += 4; // flags: 3 bits, one digit
      p = putIntTab(b, d, p, l.fragOffset);
      p = putHex4Tab(d, p, h[o + 10]!, h[o + 11]!); // checksum
      p = putHex2Tab(d, p, h[o + 1]!); // tos
      b[p++] = 45;
    } else if (l.version === 6) {
      d.setUint16(p, 0x0936, true); p += 2; // "6\t"
      // srcString/dstString's text for an address of addrLen bytes (addrString).
      if (l.addrLen === 4) p = putIpv4Tab(d, p, src, l.srcOff); else { p = putIpv6(b, p, src, l.srcOff); b[p++] = 9; }
      if (l.addrLen === 4) p = putIpv4Tab(d, p, src, l.dstOff); else { p = putIpv6(b, p, src, l.dstOff); b[p++] = 9; }
      p = putIntTab(b, d, p, l.plength);
      p = putDecTab(d, p, h[o + 7]!); // hop limit
      p = putIntTab(b, d, p, l.upper);
      d.setUint32(p, DASHES, true); d.setUint32(p + 4, DASHES, true); p += 8; // "-\t-\t-\t-\t"
      p = putHex2Tab(d, p, ((h[o]! & 15) << 4) | (h[o + 1]! >> 4)); // traffic class
      p = putHex(b, p, ((h[o + 1]! & 15) << 16) | (h[o + 2]! << 8) | h[o + 3]!, 5); // flow label
    } else {
      // No decoder makes such a layer; should one, its line is layerLine()'s text.
      p = this.pos;
      const t = layerLine(f, l);
      for (let i = 0; i < t.length - 1; i++) b[p++] = t.charCodeAt(i);
    }
    b[p++] = 10;
    this.pos = p;
    return w;
  }

  /** Hands a copy of the buffered bytes to `flush` and keeps the chunk (live input: small, frequent flushes). */
  drainCopy(): Promise<void> | void {
    if (this.pos === 0) return;
    const out = Buffer.from(this.buf.subarray(0, this.pos));
    this.pos = 0;
    return this.flush(out, noRelease);
  }

  /** Hands the buffered bytes to `flush` and starts a fresh chunk (the old one now belongs to the writer). */
  drain(): Promise<void> | void {
    if (this.pos === 0) return;
    const full = this.buf;
    const out = full.subarray(0, this.pos);
    this.buf = this.spare.pop() ?? Buffer.allocUnsafe(CHUNK + LINE_MAX);
    this.dv = new DataView(this.buf.buffer, this.buf.byteOffset, this.buf.byteLength);
    this.pos = 0;
    return this.flush(out, () => { if (this.spare.length < 4) this.spare.push(full); });
  }
}

/**
 * Streams every frame's layers to `write`; returns the decoder (for its summary).
 * `live` (standard input, a pipe, a device): the lines of each chunk read are
 * handed to `write` before waiting for the next one, so `tcpdump -U -w - |
 * wiretrace --layers -r -` prints packets as they arrive; per chunk, not per
 * line, so a fast stream still writes in large pieces. Files batch up to 1 MiB.
 */
export async function writeLayers(r: CaptureReader, write: (chunk: Buffer, release: () => void) => Promise<void> | void, live = false, keys?: EspKeys): Promise<Decoder> {
  const dec = new Decoder(keys !== undefined ? { esp: keys.table } : {});
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

const noRelease = (): void => undefined;

/** Writes a chunk to stdout; `release` runs once stdout is done with it (written or failed). */
function stdoutWrite(chunk: Buffer, release: () => void): Promise<void> | void {
  if (process.stdout.write(chunk, release)) return;
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
  const keyTexts = readKeyFiles(opts.espSa, prog);
  if (keyTexts === null) return 1;
  const said: string[] = [];
  const keys = new EspKeys((level, text) => said.push(`${prog}: ${level === 'warning' ? 'warning: ' : ''}${text}`));
  keys.addTexts(keyTexts);
  if (said.length > 0) { process.stderr.write(said.join('\n') + '\n'); said.length = 0; }
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
    keys.watch(r);
    dec = await writeLayers(r, stdoutWrite, opts.captures.some(isLive), keys);
  } catch (e) {
    if (e instanceof CaptureError) {
      process.stderr.write(`${prog}: ${e.source || r.source}: ${e.message}\n`);
      return 1;
    }
    throw e;
  } finally {
    await r.close().catch(() => undefined);
  }
  const lines: string[] = [...said];
  for (const w of r.warnings) lines.push(`${prog}: warning: ${w.frame > 0 ? `frame ${w.frame}: ` : ''}${w.message}`);
  dec.summary.lines().forEach((s, i) => lines.push(i === 0 ? `${prog}: warning: ${s}` : s));
  if (lines.length > 0) process.stderr.write(lines.join('\n') + '\n');
  return 0;
}
