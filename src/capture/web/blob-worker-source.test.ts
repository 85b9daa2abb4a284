/** Where no Worker can start (Node), the worker-read Blob source is blobSource: same bytes, same slices. */
import { describe, expect, it } from 'vitest';
import { blobWorkerSource } from './blob-worker-source.ts';

describe('blobWorkerSource', () => {
  it('falls back to reading the Blob in this thread without workers', async () => {
    const bytes = Uint8Array.from({ length: 5000 }, (_, i) => i & 0xff);
    const src = blobWorkerSource(new Blob([bytes]), 'x.pcap', 1000, 2);
    expect(src.name).toBe('x.pcap');
    expect(src.size).toBe(5000);
    const got: number[] = [];
    for (let c = await src.read(); c !== null; c = await src.read()) got.push(...c);
    expect(Buffer.from(got).equals(Buffer.from(bytes))).toBe(true);
  });
});
