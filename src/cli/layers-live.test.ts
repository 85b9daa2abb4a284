/**
 * --layers on live input (`tcpdump -U -w - | wiretrace --layers -r -`): the
 * lines of each chunk are written as soon as that chunk is decoded, not at
 * the end of the stream. The stream here is held open after its first
 * packet: the test passes only if that packet's line arrives while the
 * writer still waits for more (no timing involved).
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { PassThrough } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { openCapture } from '../capture/open.ts';
import { stdinSource } from '../capture/sources.node.ts';
import { writeLayers } from './layers.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const pcap = readFileSync(resolve(root, 'test/fixtures/captures/decode-ethernet.pcap'));

/** Byte length of the file header plus the first record (little-endian µs pcap). */
function firstRecordEnd(b: Buffer): number {
  expect(b.readUInt32LE(0)).toBe(0xa1b2c3d4);
  return 24 + 16 + b.readUInt32LE(24 + 8);
}

/** Resolves with the text of the first chunk `sink` receives. */
function firstChunk(): { sink: (c: Buffer) => void; first: Promise<string>; all: () => string } {
  const chunks: Buffer[] = [];
  let resolveFirst!: (s: string) => void;
  const first = new Promise<string>((r) => { resolveFirst = r; });
  return {
    sink: (c) => { chunks.push(Buffer.from(c)); if (chunks.length === 1) resolveFirst(c.toString('latin1')); },
    first,
    all: () => Buffer.concat(chunks).toString('latin1'),
  };
}

describe('--layers -r - (live input)', () => {
  it('writes the first packet\'s line before the stream ends (in process)', async () => {
    const cut = firstRecordEnd(pcap);
    const stream = new PassThrough();
    stream.write(pcap.subarray(0, cut));
    const s = firstChunk();
    const done = (async () => writeLayers(await openCapture(stdinSource(stream, 'stdin')), s.sink, true))();
    const first = await s.first; // the stream is still open here
    expect(first.startsWith('1\t0\t')).toBe(true);
    expect(first.split('\n').filter(Boolean).every((l) => l.startsWith('1\t'))).toBe(true);
    stream.end(pcap.subarray(cut));
    await done;
    // Flushing per chunk changes nothing in the text: same as reading the whole file at once.
    const whole = firstChunk();
    await writeLayers(await openCapture(stdinSource(new PassThrough().end(pcap), 'stdin')), whole.sink, false);
    expect(s.all()).toBe(whole.all());
  });

  it('the CLI prints the first line while its standard input is still open', async () => {
    const cut = firstRecordEnd(pcap);
    const child = spawn(process.execPath, ['--import', 'tsx', resolve(root, 'src/cli/main.ts'), '--layers', '-r', '-'], { cwd: root, stdio: ['pipe', 'pipe', 'pipe'] });
    child.stdin.write(pcap.subarray(0, cut));
    let out = '';
    const first = new Promise<string>((r) => child.stdout.once('data', (d: Buffer) => { out += d.toString('latin1'); r(out); }));
    const text = await first;
    expect(child.exitCode).toBe(null); // still running: its input has not ended
    expect(text.startsWith('1\t0\t')).toBe(true);
    child.stdout.on('data', (d: Buffer) => { out += d.toString('latin1'); });
    child.stdin.end(pcap.subarray(cut));
    const status = await new Promise<number | null>((r) => child.on('close', r));
    expect(status).toBe(0);
    expect(out.split('\n').filter(Boolean).length).toBeGreaterThan(1);
  }, 60000);
});
