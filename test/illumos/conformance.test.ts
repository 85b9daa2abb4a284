/**
 * Guards the conformance pass rate: runs every vendored DTrace unit test
 * through the built CLI (as runtest.sh would, see harness.ts) and fails if
 * the pass rate falls below floor.json. Raise the floor as the engine
 * improves; never lower it to make a regression pass.
 *
 * Needs `npm run build:cli` first (`npm test` builds before it runs Vitest).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, SUITE_DIR, discover, runSuite } from './harness.ts';

const floor = JSON.parse(readFileSync(join(SUITE_DIR, 'floor.json'), 'utf8')) as { passRate: number; minTests: number };

describe('DTrace conformance suite (test/illumos)', () => {
  it('discovers the vendored tests with their expectations', () => {
    const tests = discover();
    expect(tests.length).toBeGreaterThanOrEqual(floor.minTests);
    for (const t of tests) {
      expect(t.expectedExit).toBe(t.kind === 'err' ? 1 : 0);
      expect(t.args).toContain('-s');
      if (/^err\.D_/.test(t.path.split('/').pop()!)) expect(t.args).toContain('-xerrtags');
    }
  });

  it('passes at least the recorded floor', async () => {
    expect(existsSync(join(REPO_ROOT, 'dist/cli/wiretrace.mjs')), 'run `npm run build:cli` first').toBe(true);
    const s = await runSuite(discover(), 2);
    const failures = s.results.filter((r) => r.status === 'fail').map((r) => `${r.test.path}: ${r.reason ?? ''}`);
    const rate = Math.floor(s.rate * 1000) / 10;
    expect(rate, `pass rate ${rate}% below floor ${floor.passRate}%; failures:\n${failures.join('\n')}`).toBeGreaterThanOrEqual(floor.passRate);
  }, 600_000);
});
