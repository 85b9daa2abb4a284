/**
 * The conformance suite (see README.md) through the built CLI: the pass
 * rate must stay at or above the 85%.
 */
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

const here = dirname(fileURLToPath(import.meta.url));

it('vendored DTrace test scripts pass at >= 85%', () => {
  const r = spawnSync(process.execPath, [join(here, 'run.mjs')], { encoding: 'utf8', timeout: 600000 });
  const m = /(\d+) scripts, (\d+) passed/.exec(r.stdout);
  expect(m, r.stdout + r.stderr).not.toBeNull();
  const rate = Number(m![2]) / Number(m![1]);
  expect(rate, r.stdout).toBeGreaterThanOrEqual(0.85);
}, 600000);
