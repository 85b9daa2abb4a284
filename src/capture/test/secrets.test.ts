import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { PcapngWriter } from '../write.ts';
import { hasSecrets, SECRETS_TYPE, secretsTypeName, stripSecrets, type DecryptionSecrets, type SecretsSource } from '../secrets.ts';
import type { CaptureReader } from '../types.ts';
import { bytesSource } from '../sources.ts';
import { openCapture } from '../open.ts';
import { mergeReaders } from '../merge.ts';
import { drain, readBytes, udpFrame } from './util.ts';

const enc = (s: string): Uint8Array => new TextEncoder().encode(s);

function withSecrets(le = true): Uint8Array {
  const w = new PcapngWriter(le);
  w.shb().idb(1);
  w.dsb(SECRETS_TYPE.ESP, enc('"IPv4","10.0.0.1","10.0.0.2","0x00000101","NULL","","NULL",""\n'));
  w.epb(0, 1n, udpFrame(1));
  w.dsb(SECRETS_TYPE.TLS, enc('CLIENT_RANDOM 00 11\n'));
  w.epb(0, 2n, udpFrame(2));
  return w.take();
}

async function collect(bytes: Uint8Array, chunk = 0): Promise<{ got: { s: DecryptionSecrets; before: number }[]; reader: CaptureReader }> {
  const reader = await openCapture(bytesSource(bytes, 'x.pcapng', chunk));
  const got: { s: DecryptionSecrets; before: number }[] = [];
  let frames = 0;
  (reader as CaptureReader & SecretsSource).onSecrets = (s) => got.push({ s, before: frames });
  await drain(reader, () => frames++);
  return { got, reader };
}

describe('pcapng decryption secrets blocks', () => {
  for (const le of [true, false]) {
    it(`are handed over in file order, before the packets after them (${le ? 'little' : 'big'}-endian)`, async () => {
      for (const chunk of [0, 7, 64]) {
        const { got, reader } = await collect(withSecrets(le), chunk);
        expect(got.map(({ s, before }) => [s.type, new TextDecoder().decode(s.data), before, s.file])).toEqual([
          [SECRETS_TYPE.ESP, '"IPv4","10.0.0.1","10.0.0.2","0x00000101","NULL","","NULL",""\n', 0, 0],
          [SECRETS_TYPE.TLS, 'CLIENT_RANDOM 00 11\n', 1, 0],
        ]);
        // The offset is the block's: its type word is there.
        const bytes = withSecrets(le);
        const dv = new DataView(bytes.buffer);
        for (const { s } of got) expect(dv.getUint32(s.offset, le)).toBe(0x0a);
        expect(reader.warnings).toEqual([]);
      }
    });
  }

  it('copies the secrets out of the reader\'s chunk', async () => {
    const { got } = await collect(withSecrets(), 40);
    expect(new TextDecoder().decode(got[0]!.s.data)).toMatch(/^"IPv4"/);
  });

  it('skips a block whose secrets length runs past it, with a warning, and reads on', async () => {
    const w = new PcapngWriter();
    w.shb().idb(1);
    const body = new Uint8Array(16);
    const dv = new DataView(body.buffer);
    dv.setUint32(0, SECRETS_TYPE.ESP, true);
    dv.setUint32(4, 1000, true);
    w.rawBlock(0x0a, body);
    w.epb(0, 1n, udpFrame(1));
    const bytes = w.take();
    const { got, reader } = await collect(bytes);
    expect(got).toEqual([]);
    expect(reader.warnings.map((x) => x.message)).toEqual([expect.stringMatching(/decryption secrets block at offset \d+: secrets length 1000 runs past the block; skipped/)]);
    expect((await readBytes(bytes)).recs.length).toBe(1);
  });

  it('reach a merge of several captures, each with its input\'s number', async () => {
    const a = await openCapture(bytesSource(withSecrets(), 'a.pcapng'));
    const b = await openCapture(bytesSource(withSecrets(false), 'b.pcapng'));
    const m = mergeReaders([a, b]) as CaptureReader & SecretsSource;
    const files: number[] = [];
    m.onSecrets = (s) => files.push(s.file);
    await drain(m);
    expect(files.sort()).toEqual([0, 0, 1, 1]);
  });

  it('are named by type', () => {
    expect(secretsTypeName(SECRETS_TYPE.ESP)).toBe('ESP SA Key (0x45535053)');
    expect(secretsTypeName(SECRETS_TYPE.TLS)).toBe('TLS Key Log (0x544c534b)');
    expect(secretsTypeName(0x1234)).toBe('unknown secrets type 0x00001234');
  });
});

describe('stripSecrets', () => {
  it('removes every DSB and keeps every other byte, in both byte orders', async () => {
    for (const le of [true, false]) {
      const bytes = withSecrets(le);
      expect(hasSecrets(bytes)).toBe(true);
      const r = stripSecrets(bytes);
      expect(r.removed).toBe(2);
      expect(hasSecrets(r.bytes)).toBe(false);
      const { got } = await collect(r.bytes);
      expect(got).toEqual([]);
      const before = await readBytes(bytes);
      const after = await readBytes(r.bytes);
      expect(after.recs.map((x) => x.data)).toEqual(before.recs.map((x) => x.data));
      expect(after.reader.warnings).toEqual([]);
    }
  });

  it('returns a capture without DSBs, a pcap and junk as they are', () => {
    const w = new PcapngWriter();
    w.shb().idb(1).epb(0, 1n, udpFrame(1));
    const plain = w.take();
    expect(stripSecrets(plain)).toEqual({ bytes: plain, removed: 0, damagedAt: -1 });
    const pcap = new Uint8Array([0xd4, 0xc3, 0xb2, 0xa1, 2, 0, 4, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, 0, 0, 1, 0, 0, 0]);
    expect(stripSecrets(pcap)).toEqual({ bytes: pcap, removed: 0, damagedAt: -1 });
  });

  it('drops what follows a break in the blocks (it cannot be checked), keeping the stripped part before it', async () => {
    const bytes = withSecrets();
    const cut = bytes.subarray(0, bytes.length - 6);
    const r = stripSecrets(cut);
    // The last block (an EPB) is cut: both DSBs before it are removed, the cut block is dropped.
    expect(r.removed).toBe(2);
    expect(r.damagedAt).toBeGreaterThan(0);
    const { recs, reader } = await readBytes(r.bytes);
    expect(recs.length).toBe(1);
    expect(reader.warnings).toEqual([]);
    // A cut in a block's middle, its trailing length missing: the same.
    const w = new PcapngWriter();
    w.shb().idb(1).epb(0, 1n, udpFrame(1)).dsb(SECRETS_TYPE.ESP, enc('x'));
    const whole = w.take();
    expect(stripSecrets(whole.subarray(0, whole.length - 4))).toMatchObject({ removed: 0, damagedAt: whole.length - 24 });
  });

  it('never throws, and whatever it returns holds no DSB', () => {
    const bytes = withSecrets();
    fc.assert(fc.property(fc.nat(bytes.length), fc.nat(255), fc.nat(bytes.length - 1), (n, v, at) => {
      const b = bytes.slice(0, n);
      if (at < b.length) b[at] = v;
      const r = stripSecrets(b);
      expect(r.removed).toBeGreaterThanOrEqual(0);
      if (r.removed === 0 && r.damagedAt < 0) expect(r.bytes).toBe(b);
      expect(hasSecrets(r.bytes)).toBe(false);
      // Walking the result again finds it whole.
      expect(stripSecrets(r.bytes).damagedAt).toBe(-1);
    }), { numRuns: 500 });
  });
});
