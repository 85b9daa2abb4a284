/**
 * openCapture: sniff the input's first bytes and return the right reader.
 *
 *   1f 8b            gzip: decompress as a stream, then sniff again
 *   0a 0d 0d 0a      pcapng (Section Header Block)
 *   a1 b2 c3 d4 …    pcap, µs or ns, either byte order
 *   a1 b2 cd 34 …    modified pcap: a clear CaptureError
 *   anything else    CaptureError: what was expected, the bytes found, offset 0
 *
 * The sniffed bytes are replayed to the reader (PrefixedSource), so nothing is
 * read twice and a pipe (stdin) works as well as a file.
 */
import { CaptureError } from './types.ts';
import type { ByteSource, CaptureReader } from './types.ts';
import { CountingSource, PrefixedSource } from './sources.ts';
import { concatBytes } from './write.ts';
import { hexBytes, sniff } from './sniff.ts';
import { PcapReader } from './pcap.ts';
import { PcapngReader } from './pcapng.ts';
import { gunzipSource } from './gzip.ts';

export interface OpenOptions {
  /** Input file index (0-based) recorded in CaptureInterface.file / SectionInfo.file. */
  fileIndex?: number;
  /** Replaces the gzip decompressor (the CLI passes node:zlib's, see gzip.node.ts). */
  gunzip?: (src: ByteSource) => ByteSource;
}

/** Reads until at least n bytes or the end; returns them (the first chunk itself when it is long enough). */
async function readHead(src: ByteSource, n: number): Promise<Uint8Array> {
  const first = await src.read();
  if (first === null) return new Uint8Array(0);
  if (first.length >= n) return first;
  const parts: Uint8Array[] = [first.slice()];
  let have = first.length;
  while (have < n) {
    const c = await src.read();
    if (c === null) break;
    parts.push(c.slice());
    have += c.length;
  }
  return concatBytes(parts);
}

function describe(head: Uint8Array): string {
  return head.length === 0 ? 'an empty input' : `bytes ${hexBytes(head, 0, 4)}`;
}

export async function openCapture(src: ByteSource, opts: OpenOptions = {}): Promise<CaptureReader> {
  const fileIndex = opts.fileIndex ?? 0;
  const counter = new CountingSource(src);
  let head: Uint8Array;
  try {
    head = await readHead(counter, 4);
  } catch (e) {
    throw new CaptureError(`cannot read input: ${(e as Error).message}`, 0, src.name);
  }
  let kind = sniff(head);
  let inner: ByteSource = new PrefixedSource(counter, head);
  let gzip = false;
  if (kind === 'gzip') {
    gzip = true;
    const dec = (opts.gunzip ?? src.gunzip ?? gunzipSource)(inner);
    try {
      head = await readHead(dec, 4);
    } catch (e) {
      await dec.close().catch(() => undefined);
      throw new CaptureError(`gzip data cannot be decompressed (${(e as Error).message}): expected a gzip-compressed pcap or pcapng file at offset 0`, 0, src.name);
    }
    kind = sniff(head);
    inner = new PrefixedSource(dec, head);
  }
  const where = gzip ? ' of the decompressed data' : '';
  let reader: PcapReader | PcapngReader;
  if (kind === 'pcap' || kind === 'pcap-modified') reader = new PcapReader(inner, counter, gzip, fileIndex);
  else if (kind === 'pcapng') reader = new PcapngReader(inner, counter, gzip, fileIndex);
  else {
    await inner.close().catch(() => undefined);
    throw new CaptureError(`expected a pcap or pcapng file, found ${describe(head)} at offset 0${where}`, 0, src.name);
  }
  try {
    await reader.start();
  } catch (e) {
    await reader.close().catch(() => undefined);
    if (e instanceof CaptureError) throw new CaptureError(e.message + (where && ` (${where.trim()})`), e.offset, src.name);
    throw new CaptureError(`cannot read input: ${(e as Error).message}`, 0, src.name);
  }
  return reader;
}
