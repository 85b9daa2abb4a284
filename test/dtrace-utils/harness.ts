/**
 * The conformance harness: runs the vendored Oracle Linux DTrace unit tests
 * (test/dtrace-utils/unittest/<area>/…, copied from oracle/dtrace-utils
 * test/unittest/ by scripts/vendor-dtrace-utils.mjs) against `wiretrace`
 * invoked through a link named `dtrace`, judging each test as the suite's own
 * harness, dtrace-utils runtest.sh (at the commit tests.txt names), does:
 *
 * 1. Command line: `dtrace -Iinclude -Iuts/common -Ibuild -Ilibdtrace
 *    -DARCH_x86_64 [-xerrtags | -xdroptags] -s test/unittest/<area>/<name>.d
 *    [@@runtest-opts]`, run from a directory laid out like the top of a
 *    dtrace-utils tree (`test/unittest`, `test/utils`), so script paths in
 *    messages read as they do in the .r files. err.D_* get -xerrtags, drp.*
 *    -xdroptags, and their error output must name the tag ([D_TAG]). A test
 *    whose first word is `#!dtrace` runs as an interpreter file, as
 *    runtest.sh runs it: `dtrace <#! flags> test/unittest/<path> <flags>`.
 * 2. Timeout: 41 s (runtest.sh's default), or @@timeout when greater. A
 *    timeout fails the test (exit code 124) unless it says @@timeout-success.
 * 3. Output: standard output, then — if standard error is not empty — a
 *    line `-- @@stderr --` and standard error ("<prog> DEBUG n:" lines taken
 *    out, "Invalid member name" read as "Member name not found"). Then the
 *    test's .r.p postprocessor if there is one (its failure fails the test),
 *    then every 0x[0-9a-f]+ becomes {ptr} and "at BPF pc N" "at BPF pc NNN".
 * 4. Verdict: if a .r exists, the lines of the output must equal those of
 *    the .r, both sorted (LC_COLLATE=C) unless the test says @@nosort; the
 *    exit code must be 1 for err.*, 0 otherwise.
 *
 * @@skip tests are skipped. One deliberate difference: runtest.sh does not
 * count a failing @@xfail test (or one exiting 67, or tagged unstable) as an
 * error; we do, since those marks record Linux DTrace's own gaps (mostly
 * "dtv2", its BPF rewrite), not what DTrace means — the verdict line still
 * says XFAIL/XPASS. The manifest (manifest.json) records what discovery
 * found so the expectations can be read without running anything.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, statSync, symlinkSync, mkdirSync, accessSync, constants, copyFileSync, chmodSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const SUITE_DIR = dirname(fileURLToPath(import.meta.url));
/** The tests, laid out as upstream's test/unittest. */
export const UNITTEST_DIR = join(SUITE_DIR, 'unittest');
export const REPO_ROOT = resolve(SUITE_DIR, '../..');
export const CLI = join(REPO_ROOT, 'bin/wiretrace.mjs');
export const DEFAULT_TIMEOUT_S = 41;
/** runtest.sh's TIMEOUTRET: the exit code a timed-out run is given. */
export const TIMEOUT_EXIT = 124;
/** runtest.sh's test_cppflags when testing a build tree. */
const CPPFLAGS = ['-Iinclude', '-Iuts/common', '-Ibuild', '-Ilibdtrace'];
const ARCH = 'x86_64';

export interface TestCase {
  /** Path relative to test/dtrace-utils/unittest, e.g. "printf/tst.flags.d". */
  path: string;
  kind: 'tst' | 'err' | 'drp';
  /** The tag an err.D_TAG.* or drp.TAG.* test must report, if any. */
  tag?: string;
  expectedExit: number;
  /** Expected-results file relative to test/dtrace-utils/unittest, when there is one. */
  expected?: string;
  postprocessor?: string;
  args: string[];
  timeoutS: number;
  /** @@timeout-success: a timeout is not a failure. */
  timeoutOk?: boolean;
  /** @@nosort: compare the lines in order. */
  nosort?: boolean;
  /** In tests.txt, the list the suite is measured on (else vendored earlier, from another revision). */
  listed: boolean;
  xfail?: string;
  unstable?: boolean;
  skip?: string;
}

export interface TestResult {
  test: TestCase;
  /**
   * 'known': failed as judged, then passed once the differences its
   * known-failures.json entry names were rewritten (a checked known failure).
   */
  status: 'pass' | 'fail' | 'skip' | 'known';
  /** The known-failures.json reason, for 'known' (and for a stale entry on 'pass'). */
  known?: string;
  /** XFAIL/XPASS as runtest.sh names them, when @@xfail applies. */
  x?: 'XFAIL' | 'XPASS';
  exitCode: number;
  timedOut: boolean;
  reason?: string;
  output: string;
}

/**
 * The value of an @@NAME option in one file, as runtest.sh's extract_options
 * reads it: every line matching `@@NAME *:`, `@@NAME ` or `@@NAME$`, with
 * `.*@@NAME *: `, a trailing `*\/` and trailing blanks removed, concatenated.
 */
export function extractOption(text: string, name: string): string | undefined {
  const n = name.replace(/[-]/g, '\\-');
  const re = new RegExp(`@@${n}( *:| |$)`);
  let val: string | undefined;
  for (const line of text.split('\n')) {
    if (!re.test(line)) continue;
    val = (val ?? '') + line.replace(new RegExp(`.*@@${n} *: `), '').replace(/\*\/$/, '').replace(/ +$/, '');
  }
  return val;
}

/** runtest.sh's exist_options: `grep -E "@@NAME"` anywhere in the file. */
export function hasOption(text: string, name: string): boolean {
  return text.includes(`@@${name}`);
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

/** The tests tests.txt lists (paths relative to unittest/). */
export function listedTests(): Set<string> {
  const text = readFileSync(join(SUITE_DIR, 'tests.txt'), 'utf8');
  return new Set(text.split('\n').filter((l) => l && !l.startsWith('#')).map((l) => l.replace(/^test\/unittest\//, '')));
}

/** The commit tests.txt names. */
export function listedCommit(): string {
  return /commit ([0-9a-f]{40})/.exec(readFileSync(join(SUITE_DIR, 'tests.txt'), 'utf8'))?.[1] ?? 'unknown';
}

/** Finds every test under unittest/ and what runtest.sh would expect of it. */
export function discover(root = UNITTEST_DIR): TestCase[] {
  const listed = listedTests();
  const tests: TestCase[] = [];
  for (const file of walk(root, [])) {
    const rel = relative(root, file);
    const name = rel.split('/').pop()!;
    const base = file.slice(0, -2);
    const text = readFileSync(file, 'latin1');
    // runtest.sh reads options from the test file first, then test.options
    // (test.x86_64.options in its stead) in its directory and each parent.
    const files = [text];
    for (let dir = dirname(file); dir.startsWith(root); dir = dirname(dir)) {
      const arch = join(dir, `test.${ARCH}.options`);
      const plain = join(dir, 'test.options');
      if (existsSync(arch)) files.push(readFileSync(arch, 'latin1'));
      else if (existsSync(plain)) files.push(readFileSync(plain, 'latin1'));
      if (dir === root) break;
    }
    const opt = (name: string): string | undefined => {
      for (const f of files) {
        const v = extractOption(f, name);
        if (v !== undefined && v !== '') return v;
      }
      return undefined;
    };
    const has = (name: string): boolean => files.some((f) => hasOption(f, name));
    const kind = name.slice(0, 3) as TestCase['kind'];
    const raw = [...CPPFLAGS, `-DARCH_${ARCH}`];
    if (/^err\.D_/.test(name)) raw.push('-xerrtags');
    else if (kind === 'drp') raw.push('-xdroptags');
    const opts = opt('runtest-opts');
    if (opts) raw.push(...shellWords(opts));
    // runtest.sh's interpreter files: a test whose first word is "#!dtrace" is run as one
    // (`#!dtrace -qs` → the kernel runs `dtrace '-qs' <file> <flags>`), else `dtrace <flags> -s <file> <opts>`.
    const first = readFileSync(join(root, rel), 'latin1').split('\n', 1)[0]!;
    const interp = /^#!dtrace(?:\s|$)/.test(first) ? first.slice('#!dtrace'.length).trim() : undefined;
    let args: string[];
    if (interp !== undefined) args = [...(interp ? [interp] : []), `test/unittest/${rel}`, ...raw];
    else {
      args = raw.slice(0, raw.length - (opts ? shellWords(opts).length : 0));
      args.push('-s', `test/unittest/${rel}`);
      if (opts) args.push(...shellWords(opts));
    }
    const own = Number(opt('timeout'));
    const t: TestCase = {
      path: rel, kind, expectedExit: kind === 'err' ? 1 : 0, args, listed: listed.has(rel),
      timeoutS: Number.isFinite(own) && own > DEFAULT_TIMEOUT_S ? own : DEFAULT_TIMEOUT_S,
    };
    if (has('timeout-success')) t.timeoutOk = true;
    if (has('nosort')) t.nosort = true;
    const tag = /^err\.(D_[A-Za-z0-9_]+)[.]/.exec(name)?.[1] ?? /^drp\.([A-Za-z0-9_]+)[.]/.exec(name)?.[1];
    if (tag) t.tag = tag;
    for (const r of [`${base}.${ARCH}.r`, `${base}.r`]) {
      if (existsSync(r)) { t.expected = relative(root, r); break; }
    }
    if (isExecutable(`${base}.r.p`)) t.postprocessor = relative(root, `${base}.r.p`);
    if (has('xfail') && !has('no-xfail')) t.xfail = opt('xfail') ?? '';
    if ((opt('tags') ?? '').includes('unstable')) t.unstable = true;
    if (has('skip')) t.skip = opt('skip') ?? '';
    tests.push(t);
  }
  return tests;
}

export interface Sandbox { dir: string; dtrace: string }

/**
 * A temp dir laid out like the top of a dtrace-utils tree: `test/unittest`
 * and `test/utils` link to this suite's, and `dtrace` links to
 * bin/wiretrace.mjs. The launcher and its bundle are copied in first (same
 * relative layout), so a rebuild of dist/ by someone else during a run cannot
 * change the CLI under test.
 */
export function makeSandbox(root = SUITE_DIR, bundle = join(REPO_ROOT, 'dist/cli/wiretrace.mjs')): Sandbox {
  const dir = mkdtempSync(join(tmpdir(), 'wt-dtrace-utils-'));
  mkdirSync(join(dir, 'cli', 'bin'), { recursive: true });
  mkdirSync(join(dir, 'cli', 'dist', 'cli'), { recursive: true });
  copyFileSync(CLI, join(dir, 'cli', 'bin', 'wiretrace.mjs'));
  copyFileSync(bundle, join(dir, 'cli', 'dist', 'cli', 'wiretrace.mjs'));
  chmodSync(join(dir, 'cli', 'bin', 'wiretrace.mjs'), 0o755);
  const dtrace = join(dir, 'dtrace');
  symlinkSync(join(dir, 'cli', 'bin', 'wiretrace.mjs'), dtrace);
  mkdirSync(join(dir, 'test'));
  symlinkSync(join(root, 'unittest'), join(dir, 'test', 'unittest'));
  symlinkSync(join(root, 'utils'), join(dir, 'test', 'utils'));
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
        code: timedOut ? TIMEOUT_EXIT : code ?? (signal ? 128 + (signal === 'SIGKILL' ? 9 : 15) : 1),
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

/**
 * known-failures.json: tests that fail because Linux DTrace (the .r files'
 * author) deliberately differs from illumos DTrace, which wiretrace follows.
 * Each entry names a reason; the harness then rewrites what that reason
 * says differs and judges the test again, so a known failure cannot hide
 * another bug: it must pass exactly after the rewrite.
 *
 *  - reason "bpf-error-wording" rewrites each runtime error line from
 *    illumos' wording ("error on enabled probe ID E (ID P: desc): MSG in
 *    action #A" / "in predicate") into Linux's ("error in dt_clause_N for
 *    probe ID P (desc): MSG at BPF pc NNN"), where N = E - 1: wiretrace
 *    numbers enabled probes from 1 in program order, so when each clause
 *    before the faulting one enables one probe (BEGIN, END, ERROR) the
 *    clause index is E - 1; otherwise the rewrite is wrong and the test fails.
 *    (error-probe-args entries get the same rewrite.)
 *  - "replace": literal [from, to] pairs applied to the output (stdout and
 *    stderr), for differences a rule cannot name (ERROR's arg1/arg2 are
 *    the EPID and action number, which Linux numbers differently).
 *  - "tag": the error tag Linux reports for the condition, where it renamed
 *    or re-tagged it ([ours] is rewritten to [theirs]).
 *  - "exit": [ours, theirs]: the exit status a script computes from such a
 *    value (e.g. exit(arg1 != id)) is read as Linux's.
 *  - "illumos": where no rewrite can turn illumos' behaviour into Linux's
 *    (a Linux-only compile-time restriction, Linux's larger records), a file
 *    under test/dtrace-utils/illumos/ holding what illumos dtrace prints for
 *    the test, written from illumos' source (named in the reason): the test
 *    is judged against it instead of the .r (and without the err.* tag), so
 *    any other change to the output still fails it.
 */
export interface KnownFailure { reason: string; replace?: [string, string][]; tag?: [string, string]; exit?: [number, number]; illumos?: string }
export interface KnownFailures { reasons: Record<string, string>; tests: Record<string, KnownFailure> }

export function loadKnownFailures(file = join(SUITE_DIR, 'known-failures.json')): KnownFailures {
  if (!existsSync(file)) return { reasons: {}, tests: {} };
  return JSON.parse(readFileSync(file, 'utf8')) as KnownFailures;
}

const ILLUMOS_ERROR = /^([a-z]+): error on enabled probe ID ([0-9]+) \(ID ([0-9]+): ([^)]*)\): (.*) in (?:action #[0-9]+|predicate)$/;

/** Applies a known failure's rewrites to one test's output (see KnownFailure). */
export function rewriteKnown(k: KnownFailure, output: string): string {
  let out = output;
  if (k.reason === 'bpf-error-wording' || k.reason === 'error-probe-args' || k.reason === 'bcopy-size-fault' || k.reason === 'array-index-fault') {
    out = out.split('\n').map((l) => {
      const m = ILLUMOS_ERROR.exec(l);
      return m ? `${m[1]}: error in dt_clause_${Number(m[2]) - 1} for probe ID ${m[3]} (${m[4]}): ${m[5]} at BPF pc NNN` : l;
    }).join('\n');
  }
  for (const [from, to] of k.replace ?? []) out = out.split(from).join(to);
  if (k.tag) out = out.split(`[${k.tag[0]}]`).join(`[${k.tag[1]}]`);
  return out;
}

/** Runs one test as runtest.sh does and judges it. */
export async function runTest(t: TestCase, box: Sandbox, root = UNITTEST_DIR, known?: KnownFailure): Promise<TestResult> {
  if (t.skip !== undefined) return { test: t, status: 'skip', exitCode: 0, timedOut: false, output: '', reason: `@@skip ${t.skip}` };
  const r = await runProcess(box.dtrace, t.args, box.dir, t.timeoutS);
  // runtest.sh splits "<prog> DEBUG n:" lines out of stderr, and reads CTF's
  // older wording of one message as the newer.
  const stderr = r.stderr.toString('latin1').split('\n').filter((l) => !/^[a-z_]+ DEBUG [0-9]+: /.test(l)).join('\n')
    .replace(/Invalid member name/g, 'Member name not found');
  let output = r.stdout.toString('latin1');
  if (stderr.length > 0) output += '-- @@stderr --\n' + stderr;
  const reasons: string[] = [];
  if (t.postprocessor) {
    // As runtest.sh: `$postprocessor < $output`, no arguments, from the tree's top;
    // on failure the raw output is kept and the test fails.
    const pp = await runProcess(join(root, t.postprocessor), [], box.dir, 30, Buffer.from(output, 'latin1'));
    if (pp.code === 0) output = pp.stdout.toString('latin1');
    else reasons.push(`results postprocessor failed with exitcode ${pp.code}`);
  }
  // runtest.sh: sed '/^==[0-9][0-9]*== /!s,0x[0-9a-f][0-9a-f]*,{ptr},g' -e 's,at BPF pc [1-9][0-9]*,at BPF pc NNN,'
  output = output.split('\n').map((l) => (/^==[0-9]+== /.test(l) ? l : l.replace(/0x[0-9a-f][0-9a-f]*/g, '{ptr}'))
    .replace(/at BPF pc [1-9][0-9]*/, 'at BPF pc NNN')).join('\n');

  const judged = judge(t, root, output, stderr, r, [...reasons]);
  if (judged.status === 'fail' && known) {
    const code = known.exit && r.code === known.exit[0] ? known.exit[1] : r.code;
    const tt = known.illumos === undefined ? t : { ...t, expected: join(SUITE_DIR, 'illumos', known.illumos), tag: undefined };
    const again = judge(tt, root, rewriteKnown(known, output), rewriteKnown(known, stderr), { ...r, code }, reasons);
    if (again.status === 'pass') return { ...again, status: 'known', known: known.reason, reason: judged.reason };
    again.reason = `${judged.reason ?? ''} (and still after the rewrites of its known-failures.json entry: ${again.reason ?? ''})`;
    return again;
  }
  if (judged.status === 'pass' && known) judged.known = known.reason;
  return judged;
}

function judge(t: TestCase, root: string, output: string, stderr: string, r: Run, reasons: string[]): TestResult {
  if (t.expected) {
    const exp = lines(readFileSync(resolve(root, t.expected), 'latin1'));
    const act = lines(output);
    const se = t.nosort ? exp : sortC(exp);
    const sa = t.nosort ? act : sortC(act);
    if (se.length !== sa.length || se.some((l, i) => l !== sa[i])) reasons.push(`expected results differ: ${firstDifference(exp, act)}`);
  }
  // runtest.sh fails in this order: missing tag, timeout, exit 67, exit code.
  if (t.tag && !stderr.includes(`[${t.tag}]`)) reasons.push(`expected tag ${t.tag}`);
  else if (r.timedOut && !t.timeoutOk) reasons.push('timed out');
  else if (r.code === 67) reasons.push('exit 67: failure requested by test');
  else if (r.code !== t.expectedExit && !(r.timedOut && t.timeoutOk)) {
    reasons.push(r.code >= 129 && r.code <= 193 ? `hit by signal ${r.code - 128}` : `erroneous exitcode (${r.code})`);
  }
  const failed = reasons.length > 0;
  const res: TestResult = { test: t, status: failed ? 'fail' : 'pass', exitCode: r.code, timedOut: r.timedOut, output };
  if (failed) res.reason = reasons.join('; ');
  // @@xfail marks Linux DTrace's own known bugs (e.g. "dtv2", its BPF rewrite), not
  // DTrace semantics: we record it but judge the test on its merits.
  if (t.xfail !== undefined) res.x = failed ? 'XFAIL' : 'XPASS';
  return res;
}

/** failed: unexplained failures; known: failures its known-failures.json entry explains (checked). */
export interface Tally { passed: number; known: number; failed: number; skipped: number; rate: number }
export interface SuiteSummary extends Tally {
  results: TestResult[];
  /** The tests tests.txt lists: the figure the suite is measured on. */
  listed: Tally;
  /** Tests vendored earlier from other revisions, not in tests.txt. */
  extra: Tally;
}

function tally(rs: TestResult[]): Tally {
  const passed = rs.filter((r) => r.status === 'pass').length;
  const known = rs.filter((r) => r.status === 'known').length;
  const failed = rs.filter((r) => r.status === 'fail').length;
  const run = passed + known + failed;
  return { passed, known, failed, skipped: rs.length - run, rate: run === 0 ? 0 : passed / run };
}

/** Runs the tests with at most `workers` dtrace processes at once (bundle: the CLI build to test). */
export async function runSuite(tests: TestCase[], workers = 2, onResult?: (r: TestResult) => void, bundle?: string): Promise<SuiteSummary> {
  const box = makeSandbox(SUITE_DIR, bundle);
  const known = loadKnownFailures();
  const results: TestResult[] = new Array(tests.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    for (;;) {
      const i = next++;
      if (i >= tests.length) return;
      results[i] = await runTest(tests[i]!, box, UNITTEST_DIR, known.tests[tests[i]!.path]);
      onResult?.(results[i]!);
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.max(1, workers) }, worker));
  } finally {
    rmSync(box.dir, { recursive: true, force: true });
  }
  return {
    results, ...tally(results),
    listed: tally(results.filter((r) => r.test.listed)),
    extra: tally(results.filter((r) => !r.test.listed)),
  };
}

/** Pass counts per area (the first path component). */
export function byArea(results: TestResult[]): Map<string, { passed: number; total: number }> {
  const m = new Map<string, { passed: number; total: number }>();
  for (const r of results) {
    if (r.status === 'skip') continue;
    const a = r.test.path.split('/')[0]!;
    const e = m.get(a) ?? { passed: 0, total: 0 };
    e.total++;
    if (r.status === 'pass') e.passed++;
    m.set(a, e);
  }
  return new Map([...m].sort((x, y) => (x[0] < y[0] ? -1 : 1)));
}

/** Known failures per reason (over the given results). */
export function knownByReason(results: TestResult[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const r of results) if (r.status === 'known') m.set(r.known!, (m.get(r.known!) ?? 0) + 1);
  return new Map([...m].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1)));
}

/** known-failures.json entries whose test now passes as judged (the entry should go). */
export function staleKnown(results: TestResult[]): TestResult[] {
  return results.filter((r) => r.status === 'pass' && r.known !== undefined);
}

/** The results file: summary, per-area counts, known failures by reason, then one line per failure with its first reason. */
export function formatResults(s: SuiteSummary): string {
  const out: string[] = [];
  const pct = (t: Tally): string => `${(t.rate * 100).toFixed(1)}%`;
  const total = (t: Tally): number => t.passed + t.known + t.failed + t.skipped;
  out.push(`# wiretrace conformance: Oracle Linux DTrace unit tests (test/dtrace-utils), judged as runtest.sh judges them`);
  out.push(`listed (tests.txt, dtrace-utils ${listedCommit()}): ${total(s.listed)} tests, passed ${s.listed.passed}, known failures ${s.listed.known}, other failures ${s.listed.failed}, skipped ${s.listed.skipped}, pass rate ${pct(s.listed)}`);
  out.push(`earlier revisions (not in tests.txt): ${total(s.extra)} tests, passed ${s.extra.passed}, known failures ${s.extra.known}, other failures ${s.extra.failed}, skipped ${s.extra.skipped}`);
  out.push('');
  out.push('listed tests by area (passed/total):');
  for (const [a, e] of byArea(s.results.filter((r) => r.test.listed))) out.push(`  ${a} ${e.passed}/${e.total}`);
  out.push('');
  out.push('known failures by reason (known-failures.json; listed + earlier revisions):');
  for (const [k, n] of knownByReason(s.results)) out.push(`  ${k} ${n}`);
  out.push('');
  for (const r of s.results) {
    if (r.status === 'fail') out.push(`FAIL${r.test.listed ? '' : ' (earlier revision)'} ${r.test.path}: ${r.reason ?? ''}`);
  }
  for (const r of s.results) {
    if (r.status === 'known') out.push(`KNOWN${r.test.listed ? '' : ' (earlier revision)'} ${r.test.path}: ${r.known}`);
  }
  for (const r of staleKnown(s.results)) out.push(`STALE ${r.test.path}: passes; remove its known-failures.json entry`);
  for (const r of s.results) {
    if (r.status === 'skip') out.push(`SKIP ${r.test.path}: ${r.reason ?? ''}`);
  }
  out.push('');
  out.push(`conformance: ${s.listed.passed} of ${total(s.listed) - s.listed.skipped} listed passed (${s.listed.known} known failures); ${s.extra.passed} of ${total(s.extra) - s.extra.skipped} earlier-revision passed`);
  return out.join('\n') + '\n';
}
