import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bytesSource } from '../capture/sources.ts';
import { countingSource, indexForReplay, loadDecode, loadOpen, PacedSource, readFrame, sniffFormat, summarize } from './worker-engine.ts';

/** A little-endian µs pcap (Ethernet) with the given (sec, usec, length) records; the last may be cut. */
function pcap(recs: [number, number, number][], cut = 0): Uint8Array<ArrayBuffer> {
  const parts: number[] = [];
  const u32 = (v: number) => parts.push(v & 255, (v >>> 8) & 255, (v >>> 16) & 255, (v >>> 24) & 255);
  u32(0xa1b2c3d4); parts.push(2, 0, 4, 0); u32(0); u32(0); u32(65535); u32(1);
  for (const [s, us, len] of recs) { u32(s); u32(us); u32(len); u32(len); for (let i = 0; i < len; i++) parts.push(i & 255); }
  return Uint8Array.from(parts.slice(0, parts.length - cut));
}

describe('sniffFormat', () => {
  it('names the containers by their magic numbers', () => {
    expect(sniffFormat(Uint8Array.of(0x0a, 0x0d, 0x0d, 0x0a)).format).toBe('pcapng');
    expect(sniffFormat(Uint8Array.of(0xd4, 0xc3, 0xb2, 0xa1))).toEqual({ format: 'pcap', detail: 'microsecond, little-endian' });
    expect(sniffFormat(Uint8Array.of(0x4d, 0x3c, 0xb2, 0xa1)).detail).toBe('nanosecond, little-endian');
    expect(sniffFormat(Uint8Array.of(0x1f, 0x8b, 8, 0)).format).toBe('gzip');
    expect(sniffFormat(Uint8Array.of(1, 2)).format).toBe('unknown');
  });
});

describe('countingSource', () => {
  it('counts every byte the summary pass reads: the size of a streamed capture without Content-Length', async () => {
    const bytes = pcap([[1, 0, 60], [2, 0, 42]]);
    const c = countingSource(bytesSource(bytes, 'a.pcap'));
    const s = await summarize(c.source, (await loadOpen())!);
    expect(s.packets).toBe(2);
    // 24-byte file header + 2 × 16-byte record headers + 102 bytes of data.
    expect(c.bytes()).toBe(24 + 2 * 16 + 102);
    expect(c.bytes()).toBe(bytes.byteLength);
  });
});

describe('summarize', () => {
  it('counts packets, bytes and the exact time span with the capture reader', async () => {
    const open = await loadOpen();
    expect(open).not.toBeNull();
    const s = await summarize(bytesSource(pcap([[1700000000, 999999, 60], [1700000002, 1, 42]]), 'a.pcap'), open!);
    expect(s.format).toBe('pcap');
    expect(s.packets).toBe(2);
    expect(s.first).toBe('1700000000.999999000');
    expect(s.last).toBe('1700000002.000001000');
    expect(s.interfaces.map((i) => [i.linkType, i.snapLen, i.packets, i.bytes])).toEqual([[1, 65535, 2, 102]]);
  });
  it('reports a file cut mid-record as a warning, keeping what came before', async () => {
    const s = await summarize(bytesSource(pcap([[1, 0, 60], [2, 0, 60]], 10), 'cut.pcap'), (await loadOpen())!);
    expect(s.packets).toBe(1);
    expect(s.warnings.length + (s.fatal ? 1 : 0)).toBeGreaterThan(0);
  });
});

describe('PacedSource', () => {
  it('releases the header at once, then one record per step, then the end', async () => {
    const bytes = pcap([[1, 0, 10], [2, 0, 10], [3, 0, 10]]);
    const blob = new Blob([bytes as Uint8Array<ArrayBuffer>]);
    const { blobSource, streamSource } = await import('../capture/sources.ts');
    const idx = await indexForReplay(blob, 'a.pcap', (await loadOpen())!, { blobSource, streamSource });
    if (typeof idx === 'string') throw new Error(idx);
    expect([...idx.offsets]).toEqual([24, 50, 76]);
    expect([...idx.relNs]).toEqual([0, 1e9, 2e9]);
    const src = new PacedSource(blob, 'a.pcap', idx.offsets, idx.relNs, 0, new AbortController().signal);
    expect((await src.read())!.length).toBe(24);
    let got: Uint8Array | null | undefined;
    const pending = src.read().then((b) => { got = b; });
    await new Promise((r) => setTimeout(r, 10));
    expect(got).toBeUndefined();
    src.step();
    await pending;
    expect(got!.length).toBe(26);
    src.step(); src.step();
    expect((await src.read())!.length).toBe(26 + 26);
    expect(await src.read()).toBeNull();
  });
  it('ends at once when the run is aborted', async () => {
    const ac = new AbortController();
    const src = new PacedSource(new Blob([new Uint8Array(100)]), 'x', Float64Array.of(10, 50), Float64Array.of(0, 1e12), 1, ac.signal);
    expect((await src.read())!.length).toBe(10);
    const p = src.read();
    ac.abort();
    expect(await p).toBeNull();
  });
});

describe('readFrame', () => {
  it('returns one frame\'s captured bytes and the decoder\'s layers, by frame number', async () => {
    const bytes = pcap([[1, 0, 60], [2, 0, 42], [3, 0, 20]]);
    const f = await readFrame(bytesSource(bytes, 'a.pcap'), 2, (await loadOpen())!, await loadDecode());
    expect(f).not.toBeNull();
    expect(f!.frame).toBe(2);
    expect(f!.capLen).toBe(42);
    expect(f!.time).toBe('2.000000000');
    // The second record's payload starts after the file header (24), record 1 (16 + 60) and its own header (16).
    expect([...f!.bytes]).toEqual([...bytes.slice(24 + 76 + 16, 24 + 76 + 16 + 42)]);
    expect(f!.layers[0]).toEqual({ name: 'Ethernet', offset: 0 });
  });
  it('with the run\'s keys, an ESP frame shows decrypted: the inner layers, and the plaintext at the ciphertext\'s offsets', async () => {
    const dir = new URL('../../test/fixtures/esp/', import.meta.url);
    const cap = readFileSync(new URL('esp-aes-gcm16-tunnel.pcap', dir));
    const keys = [{ name: 'k', text: readFileSync(new URL('esp-aes-gcm16-tunnel.esp_sa', dir), 'utf8') }];
    const plain = await readFrame(bytesSource(cap, 'e.pcap'), 3, (await loadOpen())!, await loadDecode());
    const dec = await readFrame(bytesSource(cap, 'e.pcap'), 3, (await loadOpen())!, await loadDecode(), keys);
    expect(plain!.decrypted).toBeUndefined();
    expect(plain!.layers.map((l) => l.name)).not.toContain('TCP');
    expect(dec!.decrypted).toBe(true);
    expect(dec!.layers.map((l) => l.name)).toContain('TCP');
    // The request line the inner TCP segment carries is readable in the bytes shown.
    expect(Buffer.from(dec!.bytes).toString('latin1')).toContain('GET / HTTP/1.1');
    expect(Buffer.from(plain!.bytes).toString('latin1')).not.toContain('GET / HTTP/1.1');
  });
  it('is null past the last frame', async () => {
    expect(await readFrame(bytesSource(pcap([[1, 0, 60]]), 'a.pcap'), 5, (await loadOpen())!, null)).toBeNull();
  });
});
