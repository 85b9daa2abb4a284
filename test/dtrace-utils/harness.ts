/**
 * The conformance harness: runs the vendored Oracle Linux DTrace unit tests
 * (test/dtrace-utils/<area>/…, copied from oracle/dtrace-utils test/unittest/)
 * against `wiretrace` invoked through a link named `dtrace`, judging each
 * test exactly as the suite's own harness, dtrace-utils runtest.sh, does:
 *
 * 1. Command line: `dtrace -DARCH_x86_64 [-xerrtags | -xdroptags] -s
 *    test/unittest/<area>/<name>.d [@@runtest-opts]`, run from a directory
 *    whose `test/unittest` is this folder, so script paths in messages read
 *    as they do in the .r files. err.D_* get -xerrtags, drp.* -xdroptags.
 * 2. Timeout: @@timeout or 11 s (runtest.sh's TIMEOUT); the process group is
 *    killed and the run counts as exit code 126, which runtest.sh does not
 *    hold against the test ("timing out is normal").
 * 3. Output: standard output, then — if standard error is not empty — a
 *    line `-- @@stderr --` and standard error. Then the test's .r.p
 *    postprocessor if there is one, then every 0x[0-9a-f]+ becomes {ptr}.
 * 4. Verdict: if a .r exists, the sorted lines of the output must equal the
 *    sorted lines of the .r (runtest.sh diffs `sort` of both, LC_COLLATE=C);
 *    the exit code must be 1 for err.*, 0 otherwise (or 126, timeout).
 *
 * @@skip tests are skipped. One deliberate difference: runtest.sh does not
 * count an @@xfail test that fails as an error; we do, since those marks
 * record Linux DTrace's own gaps (mostly "dtv2", its BPF rewrite), not what
 * DTrace means — the verdict line still says XFAIL/XPASS. The manifest (manifest.json) records what discovery found so the
 * expectations can be read without running anything.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, statSync, symlinkSync, mkdirSync, accessSync, constants, copyFileSync, chmodSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const SUITE_DIR = dirname(fileURLToPath(import.meta.url));
export const REPO_ROOT = resolve(SUITE_DIR, '../..');
export const CLI = join(REPO_ROOT, 'bin/wiretrace.mjs');
export const DEFAULT_TIMEOUT_S = 11;
const ARCH = 'x86_64';

export interface TestCase {
  /** Path relative to test/dtrace-utils, e.g. "printf/tst.flags.d". */
  path: string;
  kind: 'tst' | 'err' | 'drp';
  /** The compile-error tag an err.D_TAG.* test names, if any. */
  tag?: string;
  expectedExit: number;
  /** Expected-results file relative to test/dtrace-utils, when there is one. */
  expected?: string;
  postprocessor?: string;
  args: string[];
  timeoutS: number;
  xfail?: string;
  skip?: string;
}

export interface TestResult {
  test: TestCase;
  status: 'pass' | 'fail' | 'skip';
  /** XFAIL/XPASS as runtest.sh names them, when @@xfail applies. */
  x?: 'XFAIL' | 'XPASS';
  exitCode: number;
  timedOut: boolean;
  reason?: string;
  output: string;
}

/** The value of an @@NAME option in a test file, as runtest.sh's extract_options reads it. */
export function extractOption(text: string, name: string): string | undefined {
  const re = new RegExp(`@@${name.replace(/[-]/g, '\\-')}( *:|  *|$)`, 'm');
  for (const line of text.split('\n')) {
    if (!re.test(line)) continue;
    return line.replace(new RegExp(`.*@@${name} *: `), '').replace(/\*\/$/, '').replace(/ +$/, '');
  }
  return undefined;
}

/** Splits @@runtest-opts as the shell would (words, simple quotes). */
export function shellWords(s: string): string[] {
  const out: string[] = [];
  const re = /'([^']*)'|"((?:\\.|[^"\\])*)"|(\S+)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(s)) !== null) out.push(m[1] ?? (m[2] !== undefined ? m[2].replace(/\\(.)/g, '$1') : m[3]!));
  return out;
}

function walk(dir: string, out: string[]): string[] {
  for (const n of readdirSync(dir).sort()) {
    const p = join(dir, n);
    if (statSync(p).isDirectory()) walk(p, out);
    else if (/^(tst|err|drp)\..*\.d$/.test(n)) out.push(p);
  }
  return out;
}

function isExecutable(p: string): boolean {
  try { accessSync(p, constants.X_OK); return true; } catch { return false; }
}

/** Finds every test under test/dtrace-utils and what runtest.sh would expect of it. */
export function discover(root = SUITE_DIR): TestCase[] {
  const tests: TestCase[] = [];
  for (const file of walk(root, [])) {
    const rel = relative(root, file);
    const name = rel.split('/').pop()!;
    const base = file.slice(0, -2);
    const text = readFileSync(file, 'latin1');
    // runtest.sh's extract_options: the test file first, then test.options in
    // its directory and each parent up to the top of the suite.
    const opt = (name: string): string | undefined => {
      const own = extractOption(text, name);
      if (own !== undefined) return own;
      for (let dir = dirname(file); dir.startsWith(root); dir = dirname(dir)) {
        for (const f of [join(dir, `test.${ARCH}.options`), join(dir, 'test.options')]) {
          if (existsSync(f)) {
            const v = extractOption(readFileSync(f, 'latin1'), name);
            if (v !== undefined) return v;
            break;
          }
        }
        if (dir === root) break;
      }
      return undefined;
    };
    const kind = name.slice(0, 3) as TestCase['kind'];
    const args = [`-DARCH_${ARCH}`];
    if (/^err\.D_/.test(name)) args.push('-xerrtags');
    else if (kind === 'drp') args.push('-xdroptags');
    args.push('-s', `test/unittest/${rel}`);
    const opts = opt('runtest-opts');
    if (opts) args.push(...shellWords(opts));
    const t: TestCase = {
      path: rel, kind, expectedExit: kind === 'err' ? 1 : 0, args,
      timeoutS: Number(opt('timeout') ?? DEFAULT_TIMEOUT_S) || DEFAULT_TIMEOUT_S,
    };
    const tag = /^err\.(D_[A-Z0-9_]+)[.]/.exec(name)?.[1];
    if (tag) t.tag = tag;
    for (const r of [`${base}.${ARCH}.r`, `${base}.r`]) {
      if (existsSync(r)) { t.expected = relative(root, r); break; }
    }
    if (isExecutable(`${base}.r.p`)) t.postprocessor = relative(root, `${base}.r.p`);
    const xf = opt('xfail');
    if (xf !== undefined && opt('no-xfail') === undefined) t.xfail = xf;
    const sk = opt('skip');
    if (sk !== undefined) t.skip = sk;
    tests.push(t);
  }
  return tests;
}

export interface Sandbox { dir: string; dtrace: string }

/**
 * A temp dir laid out like the top of a dtrace-utils tree: `test/unittest`
 * links to this suite, and `dtrace` links to bin/wiretrace.mjs. The launcher
 * and its bundle are copied in first (same relative layout), so a rebuild of
 * dist/ by someone else during a run cannot change the CLI under test.
 */
export function makeSandbox(root = SUITE_DIR, bundle = join(REPO_ROOT, 'dist/cli/wiretrace.mjs')): Sandbox {
  const dir = mkdtempSync(join(tmpdir(), 'wt-illumos-'));
  mkdirSync(join(dir, 'cli', 'bin'), { recursive: true });
  mkdirSync(join(dir, 'cli', 'dist', 'cli'), { recursive: true });
  copyFileSync(CLI, join(dir, 'cli', 'bin', 'wiretrace.mjs'));
  copyFileSync(bundle, join(dir, 'cli', 'dist', 'cli', 'wiretrace.mjs'));
  chmodSync(join(dir, 'cli', 'bin', 'wiretrace.mjs'), 0o755);
  const dtrace = join(dir, 'dtrace');
  symlinkSync(join(dir, 'cli', 'bin', 'wiretrace.mjs'), dtrace);
  mkdirSync(join(dir, 'test'));
  symlinkSync(root, join(dir, 'test', 'unittest'));
  return { dir, dtrace };
}

interface Run { stdout: Buffer; stderr: Buffer; code: number; timedOut: boolean }

function runProcess(cmd: string, args: string[], cwd: string, timeoutS: number, input?: Buffer): Promise<Run> {
  return new Promise((res) => {
    const child = spawn(cmd, args, {
      cwd, detached: true, stdio: ['pipe', 'pipe', 'pipe'],
      env: { ...process.env, _DTRACE_TESTING: 't', LANGUAGE: 'C', LC_COLLATE: 'C' },
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      try { process.kill(-child.pid!, 'SIGKILL'); } catch { child.kill('SIGKILL'); }
    }, timeoutS * 1000);
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.stdin.on('error', () => {});
    child.stdin.end(input ?? Buffer.alloc(0));
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      res({
        stdout: Buffer.concat(out), stderr: Buffer.concat(err), timedOut,
        code: timedOut ? 126 : code ?? (signal ? 128 + (signal === 'SIGKILL' ? 9 : 15) : 1),
      });
    });
  });
}

function lines(s: string): string[] {
  const l = s.split('\n');
  if (l.length > 0 && l[l.length - 1] === '') l.pop();
  return l;
}

/** Byte-order sort, as `sort` with LC_COLLATE=C (strings here are latin1, one char per byte). */
function sortC(a: string[]): string[] {
  return [...a].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));
}

function firstDifference(expected: string[], actual: string[]): string {
  const n = Math.max(expected.length, actual.length);
  for (let i = 0; i < n; i++) {
    if (expected[i] !== actual[i]) {
      const e = expected[i] === undefined ? '<eof>' : JSON.stringify(expected[i]);
      const a = actual[i] === undefined ? '<eof>' : JSON.stringify(actual[i]);
      return `line ${i + 1}: expected ${e}, got ${a}`;
    }
  }
  return 'lines differ in order only';
}

/** Runs one test as runtest.sh does and judges it. */
export async function runTest(t: TestCase, box: Sandbox, root = SUITE_DIR): Promise<TestResult> {
  if (t.skip !== undefined) return { test: t, status: 'skip', exitCode: 0, timedOut: false, output: '', reason: `@@skip ${t.skip}` };
  const r = await runProcess(box.dtrace, t.args, box.dir, t.timeoutS);
  // runtest.sh splits "<prog> DEBUG n:" lines out of stderr before comparing.
  const stderr = r.stderr.toString('latin1').split('\n').filter((l) => !/^[a-z]+ DEBUG [0-9]+: /.test(l)).join('\n');
  let output = r.stdout.toString('latin1');
  if (stderr.length > 0) output += '-- @@stderr --\n' + stderr;
  if (t.postprocessor) {
    // As runtest.sh: `$postprocessor < $output`, no arguments, from the tree's top.
    const pp = await runProcess(join(root, t.postprocessor), [], box.dir, 30, Buffer.from(output, 'latin1'));
    if (pp.code === 0) output = pp.stdout.toString('latin1');
    // else: runtest.sh keeps the raw output and only notes the failure
  }
  // runtest.sh: sed '/^==[0-9][0-9]*== /!s,0x[0-9a-f][0-9a-f]*,{ptr},g'
  output = output.split('\n').map((l) => (/^==[0-9]+== /.test(l) ? l : l.replace(/0x[0-9a-f][0-9a-f]*/g, '{ptr}'))).join('\n');

  const reasons: string[] = [];
  if (t.expected) {
    const exp = lines(readFileSync(join(root, t.expected), 'latin1'));
    const act = lines(output);
    const se = sortC(exp);
    const sa = sortC(act);
    if (se.length !== sa.length || se.some((l, i) => l !== sa[i])) reasons.push(`expected results differ: ${firstDifference(exp, act)}`);
  }
  // dtest.pl's rule for err.D_TAG.* (run with -xerrtags): when the stored
  // copy has no .r to compare, the error must at least carry [D_TAG].
  if (!t.expected && t.tag && !stderr.includes(`[${t.tag}]`)) reasons.push(`no [${t.tag}] in the error message`);
  if (r.code !== t.expectedExit && r.code !== 126) {
    reasons.push(r.code > 128 && r.code < 194 ? `hit by signal ${r.code - 128}` : `erroneous exitcode (${r.code}, expected ${t.expectedExit})`);
  }
  const failed = reasons.length > 0;
  const res: TestResult = { test: t, status: failed ? 'fail' : 'pass', exitCode: r.code, timedOut: r.timedOut, output };
  if (failed) res.reason = reasons.join('; ');
  // @@xfail marks Linux DTrace's own known bugs (e.g. "dtv2", its BPF rewrite), not
  // DTrace semantics: we record it but judge the test on its merits.
  if (t.xfail !== undefined) res.x = failed ? 'XFAIL' : 'XPASS';
  return res;
}

export interface SuiteSummary { results: TestResult[]; passed: number; failed: number; skipped: number; rate: number }

/** Runs the tests with at most `workers` dtrace processes at once (bundle: the CLI build to test). */
export async function runSuite(tests: TestCase[], workers = 2, onResult?: (r: TestResult) => void, bundle?: string): Promise<SuiteSummary> {
  const box = makeSandbox(SUITE_DIR, bundle);
  const results: TestResult[] = new Array(tests.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    for (;;) {
      const i = next++;
      if (i >= tests.length) return;
      results[i] = await runTest(tests[i]!, box);
      onResult?.(results[i]!);
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.max(1, Math.min(workers, 2)) }, worker));
  } finally {
    rmSync(box.dir, { recursive: true, force: true });
  }
  const passed = results.filter((r) => r.status === 'pass').length;
  const failed = results.filter((r) => r.status === 'fail').length;
  const skipped = results.length - passed - failed;
  return { results, passed, failed, skipped, rate: passed + failed === 0 ? 0 : passed / (passed + failed) };
}

/** The results file: summary, then one line per failure with its first reason. */
export function formatResults(s: SuiteSummary): string {
  const out: string[] = [];
  out.push(`# wiretrace conformance: Oracle Linux DTrace unit tests (test/dtrace-utils), judged as runtest.sh judges them`);
  out.push(`total ${s.results.length}, passed ${s.passed}, failed ${s.failed}, skipped ${s.skipped}, pass rate ${(s.rate * 100).toFixed(1)}%`);
  out.push('');
  for (const r of s.results) {
    if (r.status === 'fail') out.push(`FAIL ${r.test.path}: ${r.reason ?? ''}`);
  }
  for (const r of s.results) {
    if (r.status === 'skip') out.push(`SKIP ${r.test.path}: ${r.reason ?? ''}`);
  }
  out.push('');
  out.push(`conformance: ${s.passed} passed, ${s.failed} failed`);
  return out.join('\n') + '\n';
}
