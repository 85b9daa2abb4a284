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
import { CLI, SUITE_DIR, discover, formatResults, listedCommit, runSuite } from '../test/dtrace-utils/harness.ts';

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
  source: `oracle/dtrace-utils test/unittest (UPL/CDDL; headers kept in each file); tests.txt lists those of commit ${listedCommit()}`,
  harness: 'runtest.sh: dtrace -Iinclude -Iuts/common -Ibuild -Ilibdtrace -DARCH_x86_64 [-xerrtags|-xdroptags] -s test/unittest/<path> [@@runtest-opts]; tag must appear for err.D_*/drp.*; line compare with .r (sorted unless @@nosort) after .r.p, {ptr} and BPF pc NNN; exit 1 for err.*, else 0; a timeout (41 s or @@timeout) fails unless @@timeout-success',
  tests: all,
}, null, 1) + '\n');
if (manifestOnly) {
  process.stdout.write(`manifest: ${all.length} tests\n`);
  process.exit(0);
}

const tests = filter ? all.filter((t) => t.path.includes(filter)) : all;
let done = 0;
const summary = await runSuite(tests, Number(process.env.CONFORMANCE_JOBS ?? 2), (r) => {
  done++;
  if (verbose || r.status === 'fail') {
    process.stdout.write(`[${done}/${tests.length}] ${r.status.toUpperCase()}${r.x ? ` (${r.x})` : ''} ${r.test.path}${r.known ? ` [known: ${r.known}]` : ''}${r.reason ? `: ${r.reason}` : ''}\n`);
  }
});
const text = formatResults(summary);
if (!filter) writeFileSync(join(SUITE_DIR, 'results.txt'), text);
const l = summary.listed;
const x = summary.extra;
process.stdout.write(`listed: ${l.passed} of ${l.passed + l.known + l.failed} passed, ${(l.rate * 100).toFixed(1)}% (${l.known} known failures, ${l.failed} other failures, ${l.skipped} skipped); earlier revisions: ${x.passed} of ${x.passed + x.known + x.failed} (${x.known} known)\n`);
process.stdout.write(`conformance: ${summary.passed} passed, ${summary.known} known failures, ${summary.failed} failed\n`);
