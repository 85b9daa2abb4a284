/**
 * Guards the conformance pass rate: runs every vendored DTrace unit test
 * through the built CLI (as runtest.sh would, see harness.ts) and fails if
 * the pass rate falls below floor.json. Raise the floor as the engine
 * improves; never lower it to make a regression pass.
 *
 * Uses dist/cli/wiretrace.mjs when it is there (`npm test` builds it first);
 * otherwise bundles src/cli/main.ts into a temp file the way
 * scripts/build-cli.mjs does, so `vitest run` alone still tests the source.
 */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, SUITE_DIR, discover, listedTests, runSuite } from './harness.ts';

const floor = JSON.parse(readFileSync(join(SUITE_DIR, 'floor.json'), 'utf8')) as { listedPassed: number; extraPassed: number; minListed: number };

describe('DTrace conformance suite (test/dtrace-utils: Oracle Linux DTrace unit tests)', () => {
  it('discovers the vendored tests with their expectations', () => {
    const tests = discover();
    expect(tests.filter((t) => t.listed).length).toBe(listedTests().size);
    expect(listedTests().size).toBeGreaterThanOrEqual(floor.minListed);
    for (const t of tests) {
      expect(t.expectedExit).toBe(t.kind === 'err' ? 1 : 0);
      // runtest.sh runs "#!dtrace ..." tests as interpreter files: the #! line's flags, the file, the flags.
      if (t.path === 'scripting/tst.quiet.d') expect(t.args.slice(0, 2)).toEqual(['-qs', 'test/unittest/scripting/tst.quiet.d']);
      else expect(t.args).toContain('-s');
      if (/^err\.D_/.test(t.path.split('/').pop()!)) expect(t.args).toContain('-xerrtags');
    }
  });

  it('passes at least the recorded floor (pass counts)', async () => {
    let bundle = join(REPO_ROOT, 'dist/cli/wiretrace.mjs');
    if (!existsSync(bundle)) {
      const { build } = await import('esbuild');
      bundle = join(mkdtempSync(join(tmpdir(), 'wt-cli-')), 'wiretrace.mjs');
      await build({
        entryPoints: [join(REPO_ROOT, 'src/cli/main.ts')], outfile: bundle,
        bundle: true, platform: 'node', format: 'esm', target: 'node20', logLevel: 'warning',
      });
    }
    const s = await runSuite(discover(), 2, undefined, bundle);
    const failures = s.results.filter((r) => r.status === 'fail').map((r) => `${r.test.path}: ${r.reason ?? ''}`);
    const why = `failures:\n${failures.join('\n')}`;
    expect(s.listed.passed, `listed tests: ${s.listed.passed} passed, floor ${floor.listedPassed}; ${why}`).toBeGreaterThanOrEqual(floor.listedPassed);
    expect(s.extra.passed, `earlier-revision tests: ${s.extra.passed} passed, floor ${floor.extraPassed}; ${why}`).toBeGreaterThanOrEqual(floor.extraPassed);
  }, 600_000);
});
