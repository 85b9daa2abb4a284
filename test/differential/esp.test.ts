/**
 * ESP decryption against tshark with the same keys, on every ESP fixture
 * (test/fixtures/esp: each algorithm, tunnel and transport mode, IPv4 and
 * IPv6, NAT-T, a wrong key, corrupted ICVs, packets cut by the snap
 * length); see esp.ts for what is compared. The fixtures on disk must be
 * what the generator writes (so the comparison is of the generator's
 * captures, and regenerating is the way to change them).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ESP_DIR, espFixtures } from '../fixtures/gen-esp.ts';
import { compareEsp, compareWithPlaintext, type EspComparison, ourEspFrames, tsharkEspFrames } from './esp.ts';
import { requireTshark } from './tshark.ts';

const fixtures = espFixtures();

describe('ESP fixtures', () => {
  it('on disk are the generator\'s (tsx test/fixtures/gen-esp.ts)', () => {
    for (const f of fixtures) {
      expect(Buffer.compare(readFileSync(join(ESP_DIR, f.name + '.pcap')), Buffer.from(f.pcap)), f.name).toBe(0);
      expect(readFileSync(join(ESP_DIR, f.name + '.esp_sa'), 'utf8'), f.name).toBe(f.keys);
    }
  });

  it('decrypt to exactly the plaintext that was sealed, and fail where they must', async () => {
    const bad: string[] = [];
    for (const f of fixtures) {
      const { frames } = await ourEspFrames(join(ESP_DIR, f.name + '.pcap'), f.keys);
      bad.push(...compareWithPlaintext(f.name, frames, f.plain));
    }
    expect(bad).toEqual([]);
  });

  it('name each failure in the warning summary', async () => {
    const summary = async (name: string): Promise<string> => (await ourEspFrames(join(ESP_DIR, name + '.pcap'), fixtures.find((f) => f.name === name)!.keys)).summary.join('\n');
    expect(await summary('esp-aes-gcm16-bad-icv')).toBe('ESP: 3 of 5 packets decrypted; 2 could not be:\n  2 ICV mismatch: wrong key or damaged packet (frame 2, 4)');
    expect(await summary('esp-wrong-key')).toBe('ESP: 0 of 5 packets decrypted; 5 could not be:\n  5 ICV mismatch: wrong key or damaged packet (frame 1, 2, 3, 4, 5)');
    expect(await summary('esp-aes-gcm16-cut')).toBe('ESP: 3 of 5 packets decrypted; 2 could not be:\n  2 truncated: the capture holds only part of the ESP packet (frame 2, 4)');
    expect(await summary('esp-aes-gcm16-tunnel')).toBe('');
  });
});

describe('ESP decryption agrees with tshark given the same keys', () => {
  requireTshark();
  it('on every ESP fixture, field by field', async () => {
    const t: EspComparison = { framesCompared: 0, decryptedBoth: 0, icvBadBoth: 0, undecryptedBoth: 0, fieldsCompared: 0, mismatches: [] };
    const skipped: string[] = [];
    for (const f of fixtures) {
      if (f.tsharkLacks !== undefined) { skipped.push(`${f.name}: ${f.tsharkLacks}`); continue; }
      const path = join(ESP_DIR, f.name + '.pcap');
      const [ours, theirs] = await Promise.all([ourEspFrames(path, f.keys), tsharkEspFrames(path, f.keys)]);
      compareEsp(f.name, ours.frames, theirs.frames, t);
    }
    console.log(`ESP differential: ${fixtures.length - skipped.length} captures, ${t.framesCompared} frames: ${t.decryptedBoth} decrypted by both, `
      + `${t.icvBadBoth} ICV bad for both, ${t.undecryptedBoth} undecryptable for both; ${t.fieldsCompared} fields compared; ${t.mismatches.length} mismatches`
      + (skipped.length > 0 ? `\nnot compared with tshark: ${skipped.join('; ')}` : ''));
    expect(t.mismatches).toEqual([]);
    // Every kind of outcome was exercised.
    expect(t.decryptedBoth).toBeGreaterThan(50);
    expect(t.icvBadBoth).toBeGreaterThanOrEqual(7);
    expect(t.undecryptedBoth).toBeGreaterThanOrEqual(2);
  }, 120_000);
});
