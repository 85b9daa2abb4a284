// Runs the vendored DTrace conformance scripts through `bin/wiretrace.mjs`
// invoked via a link named `dtrace`, judging each as its own harness does
// (see README.md), and prints failures and the pass rate.
//
//   node test/conformance/run.mjs [-v] [--built] [filter]
//
// By default the CLI is bundled afresh (esbuild, as scripts/build-cli.mjs
// does) into a temporary file named dtrace.mjs, so a concurrent `vite build`
// emptying dist/ cannot disturb a run; --built uses bin/wiretrace.mjs through
// a link named dtrace instead.
import { spawnSync } from 'node:child_process';
import { build } from 'esbuild';
import { existsSync, mkdtempSync, readFileSync, readdirSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');
const cli = join(root, 'bin/wiretrace.mjs');
const verbose = process.argv.includes('-v');
const filter = process.argv.slice(2).find((a) => !a.startsWith('-'));

const linkDir = mkdtempSync(join(tmpdir(), 'wt-conf-'));
let dtrace = join(linkDir, 'dtrace');
if (process.argv.includes('--built')) {
  symlinkSync(cli, dtrace);
} else {
  dtrace = join(linkDir, 'dtrace.mjs');
  await build({
    entryPoints: [join(root, 'src/cli/main.ts')], outfile: dtrace, bundle: true, platform: 'node', format: 'esm',
    target: 'node20', logLevel: 'warning',
  });
}

function walk(dir, out = []) {
  for (const n of readdirSync(dir).sort()) {
    const p = join(dir, n);
    if (statSync(p).isDirectory()) walk(p, out);
    else if (/^(tst|err)\..*\.d$/.test(n)) out.push(p);
  }
  return out;
}

function run(args, cwd) {
  const r = spawnSync(process.execPath, [dtrace, ...args], { cwd, encoding: 'latin1', timeout: 20000 });
  return { status: r.status ?? (r.signal ? 128 : 1), stdout: r.stdout ?? '', stderr: r.stderr ?? '', timedOut: r.error?.code === 'ETIMEDOUT' || r.signal === 'SIGTERM' };
}

const sortLines = (s) => s.split('\n').sort().join('\n');

const results = [];
for (const file of walk(here)) {
  const rel = relative(here, file);
  if (filter && !rel.includes(filter)) continue;
  const name = file.split('/').pop();
  const text = readFileSync(file, 'latin1');
  const tag = /^err\.(D_[A-Z0-9_]+)\./.exec(name)?.[1];
  const isErr = name.startsWith('err.');
  const flags = [];
  if (tag) flags.push('-xerrtags');
  let cwd = dirname(file);
  let script = name;
  let why = '';
  if (rel.startsWith('oracle/')) {
    // runtest.sh runs from the tree root with the path as given in the .r files.
    cwd = join(here, 'oracle');
    script = relative(cwd, file);
    const opts = /@@runtest-opts:\s*(.*?)\s*\*\//.exec(text)?.[1];
    if (opts) flags.push(...opts.split(/\s+/));
  } else if (/^\s*#\s*(include|define|if)/m.test(text)) {
    flags.push('-C');
  }
  const r = run([...flags, '-s', script], cwd);
  if (r.timedOut) why = 'timed out';
  else if (isErr && r.status === 0) why = 'unexpectedly succeeded';
  else if (!isErr && r.status !== 0) why = `exit status ${r.status}`;
  else if (tag && !r.stderr.includes(`[${tag}]`)) why = `errtag mismatch`;
  if (!why) {
    const rfile = file.replace(/\.d$/, '.r');
    const outFile = file + '.out';
    if (rel.startsWith('oracle/') && existsSync(rfile)) {
      let got = r.stdout;
      if (r.stderr) got += '-- @@stderr --\n' + r.stderr;
      if (sortLines(got) !== sortLines(readFileSync(rfile, 'latin1'))) why = 'expected results differ';
    } else if (existsSync(outFile)) {
      if (r.stdout !== readFileSync(outFile, 'latin1')) why = 'output mismatch';
    }
  }
  results.push({ rel, why, r });
  if (why) {
    console.log(`FAIL ${rel}: ${why}`);
    if (verbose) console.log(`  status ${r.status}\n  stdout: ${JSON.stringify(r.stdout.slice(0, 400))}\n  stderr: ${JSON.stringify(r.stderr.slice(0, 400))}`);
  }
}
const pass = results.filter((x) => !x.why).length;
const pct = results.length ? ((100 * pass) / results.length).toFixed(1) : '0';
console.log(`${results.length} scripts, ${pass} passed, ${results.length - pass} failed: ${pct}% passing`);
writeFileSync(join(linkDir, 'done'), '');
