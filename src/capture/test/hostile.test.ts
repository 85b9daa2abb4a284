/**
 * Hostile captures (issue 13): what a capture can make a reader keep for
 * the whole run is bounded whatever it holds (meta-budget.ts), a first
 * block that is not a well-framed SHB is unreadable, and packet times stay
 * exact beyond 2^53 seconds.
 */
import { describe, expect, it } from 'vitest';
import { openCapture } from '../open.ts';
import { bytesSource } from '../sources.ts';
import type { CaptureReader, PacketRecord } from '../types.ts';
import { CaptureError } from '../types.ts';
import { PcapngWriter } from '../write.ts';
import { MAX_META_BYTES, MAX_META_STRING, MAX_PACKET_COMMENTS, MAX_SECTIONS, MetaBudget, packetString } from '../meta-budget.ts';
import { tsResolution, setTimestamp } from '../timestamp.ts';
import { newRecord } from '../chunked.ts';
import { bombSource, commentBomb, darwinBomb, idbBomb, nrbBomb, sectionCountBomb, shbBomb, bombSize, type Bomb } from '../../../test/fixtures/gen-bombs.ts';
import { frame } from '../../../test/fixtures/gen-capture.ts';

/** Reads the whole capture; returns the reader (still holding its metadata) and the records' comment bytes. */
async function drain(r: CaptureReader, onRecord?: (p: PacketRecord) => void): Promise<number> {
  let n = 0;
  for (;;) {
    for (let p = r.nextSync(); p !== null; p = r.nextSync()) { n++; onRecord?.(p); }
    if (!(await r.fill())) break;
  }
  return n;
}

/** Bytes of strings the reader keeps for the run. */
function kept(r: CaptureReader): number {
  let n = 0;
  for (const i of r.interfaces) n += i.name.length + i.description.length;
  for (const s of r.sections) n += s.hardware.length + s.os.length + s.userAppl.length + s.comments.reduce((a, c) => a + c.length, 0);
  for (const v of r.names?.values() ?? []) n += v.length;
  for (const p of (r as { processes?: { name: string }[] }).processes ?? []) n += p.name.length;
  return n;
}

async function readBomb(b: Bomb): Promise<{ r: CaptureReader; kept: number; warnings: string[] }> {
  const r = await openCapture(bombSource(b));
  await drain(r);
  return { r, kept: kept(r), warnings: r.warnings.map((w) => w.message) };
}

describe('capture metadata is bounded', () => {
  it('cuts each string to MAX_META_STRING bytes at a character boundary, and all to MAX_META_BYTES', () => {
    const warned: string[] = [];
    const m = new MetaBudget((w) => warned.push(w), 8, 20);
    const b = new TextEncoder().encode('abcdefgé€xyz');
    expect(m.keep(b, 0, b.length, 0)).toBe('abcdefg'); // 'é' would straddle byte 8
    expect(m.keep(new TextEncoder().encode('ab\0cd'), 0, 5, 0)).toBe('ab');
    expect(m.keep(b, 0, 8, 0)).toBe('abcdefg\ufffd'); // the option itself ends inside the character
    expect(m.keep(b, 0, 7, 0)).toBe(''); // 7 + 2 + 8 + 7 > 20
    expect(warned).toHaveLength(2);
    expect(warned[0]).toMatch(/cut to 7 bytes/);
    expect(warned[1]).toMatch(/later strings are read as empty/);
    expect(packetString(new Uint8Array(MAX_META_STRING * 2).fill(97), 0, MAX_META_STRING * 2)).toHaveLength(MAX_META_STRING);
  });

  const cases: [string, Bomb][] = [
    ['NRB names', nrbBomb(1200)],
    ['interface names and descriptions', idbBomb(800)],
    ['section strings and comments', shbBomb(400)],
    ['Darwin process names', darwinBomb(1000)],
  ];
  for (const [what, bomb] of cases) {
    it(`${what}: ${(bombSize(bomb) / 2 ** 20).toFixed(0)} MB of them keep at most ${MAX_META_BYTES >> 20} MiB, with one warning`, async () => {
      const { kept: k, warnings } = await readBomb(bomb);
      expect(k).toBeLessThanOrEqual(MAX_META_BYTES);
      expect(k).toBeGreaterThan(0);
      expect(warnings.filter((w) => /capture metadata/.test(w)).length).toBeGreaterThanOrEqual(1);
      expect(warnings.filter((w) => /exceeds 16 MiB/.test(w)).length).toBeLessThanOrEqual(1);
    });
  }

  it('lists at most MAX_SECTIONS sections (the rest are read) and says so once', async () => {
    const { r, warnings } = await readBomb(sectionCountBomb(1, MAX_SECTIONS + 100));
    expect(r.sections.length).toBe(MAX_SECTIONS);
    expect(warnings.filter((w) => /section header blocks/.test(w))).toHaveLength(1);
  });

  it('keeps at most MAX_PACKET_COMMENTS comments per packet, each cut', async () => {
    const many = new PcapngWriter().shb().idb(1, 0).epb(0, 1n, frame({ n: 1 }), undefined, { comments: Array.from({ length: 100 }, (_, i) => `c${i}`) }).take();
    const r = await openCapture(bytesSource(many));
    let comments: readonly string[] = [];
    await drain(r, (p) => { comments = [...p.comments]; });
    expect(comments).toHaveLength(MAX_PACKET_COMMENTS);
    expect(r.warnings.some((w) => /more than 16 comments/.test(w.message))).toBe(true);
    const big = await openCapture(bombSource(commentBomb(50)));
    let longest = 0;
    await drain(big, (p) => { for (const c of p.comments) longest = Math.max(longest, c.length); });
    expect(longest).toBeLessThanOrEqual(MAX_META_STRING);
  });
});

describe('an unreadable first block', () => {
  it('an SHB whose trailing length disagrees is a CaptureError naming both offsets', async () => {
    const good = new PcapngWriter().shb().idb(1, 0).epb(0, 1n, frame({ n: 1 })).take();
    const bad = good.slice();
    new DataView(bad.buffer).setUint32(24, 999, true); // the SHB's trailing length (a 28-byte SHB)
    await expect(openCapture(bytesSource(bad))).rejects.toThrow(CaptureError);
    await expect(openCapture(bytesSource(bad))).rejects.toThrow('pcapng section header at offset 0: trailing length 999 at offset 24 does not match leading length 28');
    const r = await openCapture(bytesSource(good));
    expect(await drain(r)).toBe(1);
  });
});

describe('64-bit packet times', () => {
  it('seconds beyond 2^53 (if_tsresol of seconds, a 64-bit count) are exact in tsSecBig', () => {
    const rec = newRecord();
    const res = tsResolution(0)!; // 10^0: seconds
    setTimestamp(rec, 0xffffffff, 0xffffffff, res);
    expect(rec.tsSecBig).toBe(2n ** 64n - 1n);
    expect(rec.tsNsec).toBe(0);
    setTimestamp(rec, 0, 1000, tsResolution(6)!);
    expect(rec.tsSecBig).toBeNull();
    expect(rec.tsSec).toBe(0);
    expect(rec.tsNsec).toBe(1_000_000);
  });

  it('an if_tsoffset near 2^63 is exact', () => {
    const rec = newRecord();
    const res = tsResolution(9, 2n ** 62n + 1n)!;
    setTimestamp(rec, 0, 1_500_000_000, res);
    expect(rec.tsSecBig).toBe(2n ** 62n + 2n);
    expect(rec.tsNsec).toBe(500_000_000);
  });
});
