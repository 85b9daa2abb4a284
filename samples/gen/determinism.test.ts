import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { allScenes } from './scenes/index.ts';
import { keyFiles } from './scenes/ipsec-keys.ts';

const captures = join(dirname(fileURLToPath(import.meta.url)), '..', 'captures');

describe('the sample generator', () => {
  const first = allScenes().map((s) => ({ file: s.file, bytes: s.bytes() }));

  it('gives identical bytes on a second run', () => {
    const second = allScenes().map((s) => ({ file: s.file, bytes: s.bytes() }));
    expect(second.map((s) => s.file)).toEqual(first.map((s) => s.file));
    second.forEach((s, i) => expect(Buffer.compare(Buffer.from(s.bytes), Buffer.from(first[i]!.bytes)), s.file).toBe(0));
  });

  it('matches the committed captures (regenerate with `npm run samples`)', () => {
    for (const s of first) {
      const p = join(captures, s.file);
      expect(existsSync(p), `${s.file} is committed`).toBe(true);
      expect(Buffer.compare(readFileSync(p), Buffer.from(s.bytes)), `${s.file} is up to date`).toBe(0);
    }
  });

  it('matches the committed key files of the IPsec samples', () => {
    for (const k of keyFiles()) expect(readFileSync(join(captures, '..', 'keys', k.file), 'utf8'), k.file).toBe(k.text);
  });

  it('names every file once', () => {
    const names = first.map((s) => s.file);
    expect(new Set(names).size).toBe(names.length);
  });
});
