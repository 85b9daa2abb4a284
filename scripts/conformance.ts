/**
 * npm run conformance [-- [--manifest] [-v] [filter]]
 *
 * Runs the vendored DTrace unit tests (test/dtrace-utils) against the built CLI
 * through a link named `dtrace`, as their own harness (runtest.sh) runs and
 * judges them — see test/dtrace-utils/harness.ts. Builds nothing: run
 * `npm run build:cli` first. Writes test/dtrace-utils/results.txt (summary and a
 * one-line reason per failure) and test/dtrace-utils/manifest.json; the last line
 * printed is `conformance: N passed, N failed`.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CLI, SUITE_DIR, discover, formatResults, runSuite } from '../test/dtrace-utils/harness.ts';

const argv = process.argv.slice(2);
const verbose = argv.includes('-v');
const manifestOnly = argv.includes('--manifest');
const filter = argv.find((a) => !a.startsWith('-'));

if (!existsSync(join(CLI, '../../dist/cli/wiretrace.mjs'))) {
  process.stderr.write('conformance: the CLI is not built: run `npm run build:cli` first\n');
  process.exit(2);
}

const all = discover();
writeFileSync(join(SUITE_DIR, 'manifest.json'), JSON.stringify({
  source: 'oracle/dtrace-utils test/unittest (UPL/CDDL; headers kept in each file)',
  harness: 'runtest.sh: dtrace -DARCH_x86_64 [-xerrtags|-xdroptags] -s test/unittest/<path> [@@runtest-opts]; sorted-line compare with .r after .r.p and {ptr}; exit 1 for err.*, else 0; 126 (timeout) accepted',
  tests: all,
}, null, 1) + '\n');
if (manifestOnly) {
  process.stdout.write(`manifest: ${all.length} tests\n`);
  process.exit(0);
}

const tests = filter ? all.filter((t) => t.path.includes(filter)) : all;
let done = 0;
const summary = await runSuite(tests, 2, (r) => {
  done++;
  if (verbose || r.status === 'fail') {
    process.stdout.write(`[${done}/${tests.length}] ${r.status.toUpperCase()}${r.x ? ` (${r.x})` : ''} ${r.test.path}${r.reason ? `: ${r.reason}` : ''}\n`);
  }
});
const text = formatResults(summary);
if (!filter) writeFileSync(join(SUITE_DIR, 'results.txt'), text);
process.stdout.write(`pass rate ${(summary.rate * 100).toFixed(1)}% (${summary.skipped} skipped)\n`);
process.stdout.write(`conformance: ${summary.passed} passed, ${summary.failed} failed\n`);
