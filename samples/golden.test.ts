/**
 * The seed transcripts, replayed: every manifest entry marked `golden` runs
 * its script verbatim over its sample capture through the built CLI and must
 * print exactly its expected file (transcribed from the seed documents, see
 * samples/expected/README.md), with exit status 0.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const cli = resolve(root, 'bin/wiretrace.mjs');

interface Example { id: string; script: string; capture: string; keys?: string; options: string[]; args: string[]; expected?: string; golden?: boolean }
const manifest = JSON.parse(readFileSync(resolve(root, 'samples/manifest.json'), 'utf8')) as { examples: Example[] };
const goldens = manifest.examples.filter((e) => e.golden === true && e.expected !== undefined);

describe('seed scripts print their transcripts', () => {
  it('has goldens to check', () => {
    expect(goldens.length).toBeGreaterThanOrEqual(20);
  });
  for (const e of goldens) {
    it(`${e.id}: ${e.script.split('/').pop()} on ${e.capture.split('/').pop()}`, () => {
      const argv = [cli, ...e.options, ...(e.keys !== undefined ? ['--esp-sa', e.keys] : []), '-s', e.script, '-r', e.capture, '--no-infer-note', ...e.args];
      const r = spawnSync(process.execPath, argv, { cwd: root, encoding: 'latin1', env: { ...process.env, TZ: 'UTC' } });
      expect(r.stderr.split('\n').filter((l) => / error|failed|invalid/.test(l))).toEqual([]);
      expect(r.stdout).toBe(readFileSync(resolve(root, e.expected!), 'latin1'));
      expect(r.status).toBe(0);
    });
  }
});
