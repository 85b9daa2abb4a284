/** The bench capture, generated once and reused while its size and generator version match (bench/gen.ts). */
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { GEN_VERSION, generate } from './gen.ts';

/** Generates (or reuses) a capture of `packets` packets at `file`; returns its packet count. */
export function ensureCapture(file: string, packets: number, gen: (file: string, packets: number) => number = generate, version = GEN_VERSION): number {
  const meta = file.replace(/\.pcap$/, '.json');
  if (existsSync(file) && existsSync(meta)) {
    const m = JSON.parse(readFileSync(meta, 'utf8')) as { packets: number; bytes: number; gen?: number };
    if (m.packets === packets && m.bytes === statSync(file).size && m.gen === version) return packets;
  }
  process.stderr.write(`generating ${file} (${packets.toLocaleString('en-US')} packets)...\n`);
  const bytes = gen(file, packets);
  writeFileSync(meta, JSON.stringify({ packets, bytes, gen: version }));
  return packets;
}
