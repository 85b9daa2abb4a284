/**
 * The tshark differential test: wiretrace --layers against tshark on every
 * capture in test/fixtures/captures and test/fixtures/real, field by field
 * (lib.ts, tshark.ts). Skipped, with a notice, only where tshark is absent.
 * Prints the agreement and every mismatch; fails on any mismatch outside
 * KNOWN (documented, deliberate differences).
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compareFile, findCaptures, Totals } from './lib.ts';
import { requireTshark } from './tshark.ts';

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures');

/** Files where wiretrace deliberately differs from tshark, and why. */
const KNOWN: Record<string, string> = {
  'decode-too-deep.pcap': 'wiretrace stops at 8 nested IP layers (MAX_IP_LAYERS) and marks the frame; tshark has no bound',
};

requireTshark();

describe('--layers agrees with tshark', () => {
  it('on every fixture capture', async () => {
    const files = findCaptures([join(FIXTURES, 'captures'), join(FIXTURES, 'real')]);
    expect(files.length).toBeGreaterThan(20);
    const t = new Totals();
    for (const f of files) await compareFile(t, f);
    const known = (file: string): boolean => Object.keys(KNOWN).some((k) => file.endsWith('/' + k));
    const lines = t.mismatches.map((m) => `${m.file.slice(FIXTURES.length + 1)}:${m.frame}: ${m.what}`);
    console.log(`${t.report()}\nmismatches (${lines.length}):\n${lines.join('\n')}`);
    for (const [k, why] of Object.entries(KNOWN)) console.log(`known deviation: ${k}: ${why}`);
    const unexpected = t.mismatches.filter((m) => !known(m.file)).map((m) => `${m.file}:${m.frame}: ${m.what}`);
    expect(unexpected).toEqual([]);
  }, 600_000);
});
