#!/usr/bin/env node
/**
 * node scripts/vendor-dtrace-utils.mjs GITDIR [LIST]
 *
 * Copies the dtrace-utils unit tests named in LIST (default
 * test/dtrace-utils/tests.txt, whose first line names the commit) out of a
 * git directory of oracle/dtrace-utils into test/dtrace-utils/, laid out as
 * upstream lays them out (`unittest/<area>/…`, `utils/…`), with everything
 * runtest.sh reads to judge each one:
 *   - the test itself;
 *   - its expected results and postprocessor: `<stem>.r`, `<stem>.x86_64.r`,
 *     `<stem>.r.p`, `<stem>.x` (symbolic links are copied as the file they
 *     point to, executable);
 *   - `test.options` / `test.x86_64.options` in its directory and every parent;
 *   - files it `#include`s, looked up beside it and in test/utils (the one
 *     `-I` directory the listed tests name), and test/utils files a vendored
 *     postprocessor links to.
 * Files are written verbatim (their licence headers included). Tests vendored
 * earlier that are not in the list are left where they are.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, normalize, posix } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const suite = join(root, 'test/dtrace-utils');
const [gitDir, listArg] = process.argv.slice(2);
if (!gitDir) {
  process.stderr.write('usage: node scripts/vendor-dtrace-utils.mjs GITDIR [LIST]\n');
  process.exit(2);
}
const listFile = listArg ?? join(suite, 'tests.txt');
const listText = readFileSync(listFile, 'utf8');
const commit = /commit ([0-9a-f]{40})/.exec(listText)?.[1];
if (!commit) throw new Error(`${listFile}: no "commit <sha>" in its header`);
const tests = listText.split('\n').filter((l) => l && !l.startsWith('#'));

const git = (...args) => execFileSync('git', ['--git-dir', gitDir, ...args], { maxBuffer: 1 << 28 });
/** path -> { mode, sha } for every file under test/ at the commit. */
const tree = new Map();
for (const line of git('ls-tree', '-r', commit, 'test').toString().split('\n')) {
  const m = /^(\d+) blob ([0-9a-f]+)\t(.*)$/.exec(line);
  if (m) tree.set(m[3], { mode: m[1], sha: m[2] });
}

const written = new Set();
/** Copies upstream `path` (test/...) to the suite, following symbolic links. */
function vendor(path, hops = 0) {
  if (written.has(path)) return;
  const e = tree.get(path);
  if (!e) throw new Error(`${path}: not in ${commit}`);
  let bytes = git('cat-file', 'blob', e.sha);
  let mode = e.mode;
  if (mode === '120000') {
    if (hops > 4) throw new Error(`${path}: symbolic link loop`);
    const target = posix.normalize(posix.join(posix.dirname(path), bytes.toString()));
    const t = tree.get(target);
    if (!t) throw new Error(`${path} -> ${target}: not in ${commit}`);
    vendor(target, hops + 1);
    bytes = git('cat-file', 'blob', t.sha);
    mode = '100755';
  }
  const out = join(suite, normalize(path.replace(/^test\//, '')));
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, bytes);
  chmodSync(out, mode === '100755' ? 0o755 : 0o644);
  written.add(path);
}

let companions = 0;
for (const t of tests) {
  vendor(t);
  const stem = t.replace(/\.d$/, '');
  const dir = posix.dirname(t);
  const own = new RegExp(`^${stem.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.(x86_64\\.)?(r|r\\.p|x)$`);
  for (const p of tree.keys()) if (own.test(p)) { vendor(p); companions++; }
  for (let d = dir; d !== 'test'; d = posix.dirname(d)) {
    for (const o of ['test.options', 'test.x86_64.options', 'test.x', 'test.x86_64.x']) {
      if (tree.has(`${d}/${o}`)) vendor(`${d}/${o}`);
    }
  }
  const text = git('cat-file', 'blob', tree.get(t).sha).toString('latin1');
  for (const m of text.matchAll(/^\s*#\s*include\s+"([^"]+)"/gm)) {
    const near = posix.normalize(posix.join(dir, m[1]));
    const util = posix.normalize(posix.join('test/utils', m[1]));
    if (tree.has(near)) vendor(near);
    else if (tree.has(util)) vendor(util);
    else throw new Error(`${t}: #include "${m[1]}" not found`);
  }
}
process.stdout.write(`vendored ${tests.length} tests from ${commit} (${written.size} files, ${companions} .r/.r.p/.x)\n`);
