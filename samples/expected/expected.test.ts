import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildExpected, printf } from './build.ts';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');

interface Example { id: string; title: string; script: string; capture: string; options: string[]; args: string[]; expected: string | null; golden: boolean; description: string; default?: boolean }
const manifest = JSON.parse(readFileSync(join(here, '..', 'manifest.json'), 'utf8')) as { examples: Example[] };

describe('expected outputs', () => {
  it('match the transcript tables (rebuild with `npx tsx samples/expected/build.ts`)', () => {
    for (const [name, text] of buildExpected()) {
      expect(readFileSync(join(here, name), 'utf8'), name).toBe(text);
    }
  });

  it('NIC-only with keys: ipio.d prints the two-interface lines, each tunnel line at its carrier\'s time', () => {
    const cols = (l: string): string[] => l.trim().split(/\s+/);
    const two = readFileSync(join(here, 'ipio.blog-ipio-tunnel.out'), 'utf8').split('\n');
    const nic = readFileSync(join(here, 'ipio.blog-ipio-esp.out'), 'utf8').split('\n');
    expect(nic.length).toBe(two.length);
    expect(nic[0]).toBe(two[0]);
    let twoSum = 0, nicSum = 0;
    for (let i = 1; i < two.length; i++) {
      if (two[i] === '') { expect(nic[i]).toBe(''); continue; }
      const a = cols(two[i]!), b = cols(nic[i]!);
      // CPU, SOURCE, arrow, DEST, INT, BYTES are the same; only DELTA(us) moves.
      expect([b[0], ...b.slice(2)]).toEqual([a[0], ...a.slice(2)]);
      twoSum += Number(a[1]); nicSum += Number(b[1]);
      // The tunnel line and its carrier share a time: one of each pair shows 0.
      if (i % 2 === 0) expect(Number(b[1])).toBe(0);
    }
    // The same span from BEGIN to the last packet (to within the microseconds truncated away).
    expect(Math.abs(twoSum - nicSum)).toBeLessThanOrEqual(3);
  });

  it('print the ipio.d transcript lines of the 2008 post byte for byte (CPU aside)', () => {
    // Copied from seed 000 with the CPU column (1 1 1 1 0 0) set to 0.
    const lines = readFileSync(join(here, 'ipio.blog-ipio-tunnel.out'), 'utf8').split('\n');
    expect(lines.slice(0, 7)).toEqual([
      ' CPU  DELTA(us)          SOURCE               DEST      INT  BYTES',
      '   0     598913    10.1.100.123 ->   192.168.10.75  ip.tun0     68',
      '   0         73   192.168.1.108 ->     192.168.5.1     nge0    140',
      '   0      18325   192.168.1.108 <-     192.168.5.1     nge0    140',
      '   0         69    10.1.100.123 <-   192.168.10.75  ip.tun0     68',
      '   0     102921    10.1.100.123 ->   192.168.10.75  ip.tun0     20',
      '   0         79   192.168.1.108 ->     192.168.5.1     nge0     92',
    ]);
  });

  it('formats like C printf for the conversions used', () => {
    expect(printf('[%5d|%-5s|%05d|%3s]', 42, 'ab', 7, 'toolong')).toBe('[   42|ab   |00007|toolong]');
  });
});

describe('manifest', () => {
  it('names files that exist', () => {
    for (const e of manifest.examples) {
      expect(existsSync(join(root, e.script)), e.script).toBe(true);
      expect(existsSync(join(root, e.capture)), e.capture).toBe(true);
      if (e.expected) expect(existsSync(join(root, e.expected)), e.expected).toBe(true);
      if (e.golden) expect(e.expected).not.toBeNull();
    }
  });

  it('has unique ids and exactly one default: ipio.d on the tunnel scene', () => {
    const ids = manifest.examples.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    const d = manifest.examples.filter((e) => e.default);
    expect(d.map((e) => [e.script, e.capture])).toEqual([['samples/scripts/ipio.d', 'samples/captures/blog-ipio-tunnel.pcapng']]);
  });

  it('covers every expected file and every script', () => {
    const expected = new Set(manifest.examples.map((e) => e.expected).filter((x) => x !== null));
    for (const name of buildExpected().keys()) expect(expected.has(`samples/expected/${name}`), name).toBe(true);
  });
});

describe('scripts', () => {
  it('each opens with what it shows, its sample capture and its command line', () => {
    const scripts = new Set(manifest.examples.map((e) => e.script));
    for (const s of scripts) {
      const text = readFileSync(join(root, s), 'utf8');
      const head = text.slice(0, text.indexOf('*/'));
      expect(head, s).toMatch(/Sample/);
      expect(head, s).toMatch(/Run:\s+wiretrace (-q )?-s samples\/scripts\//);
    }
  });
});
