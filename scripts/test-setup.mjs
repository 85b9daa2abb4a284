#!/usr/bin/env node
/**
 * `npm test`'s first step (package.json "pretest"): makes sure the machine has
 * what the test suites need beyond node_modules, so that no reference
 * comparison is ever skipped for want of a tool.
 *
 * Each requirement is probed; what is missing is installed with apt-get when
 * that can be done without asking anyone (root, or sudo without a password,
 * on a machine with apt-get: Debian, Ubuntu), one line printed per package.
 * Otherwise nothing runs: one message names what is missing and the exact
 * command that installs it, and the exit status is 1.
 *
 *   node scripts/test-setup.mjs            probe, install what is missing
 *   node scripts/test-setup.mjs --check    probe only; exit 1 if anything is missing
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * What the suites need. `probe` says whether it is there; `pkg` is the Debian
 * package that provides it; `why` is printed when it is installed or missing.
 */
export const REQUIREMENTS = [
  { name: 'chromium', pkg: 'chromium', why: 'the browser tests (Playwright drives Debian\'s Chromium)', probe: () => hasChromium() },
  { name: 'tshark', pkg: 'tshark', why: 'the differential tests against tshark', probe: () => runs('tshark', ['--version']) },
  { name: 'tcpdump', pkg: 'tcpdump', why: 'the capture-reading tests against tcpdump', probe: () => runs('tcpdump', ['--version']) },
  { name: 'gawk', pkg: 'gawk', why: 'the dtrace-utils result postprocessors (#!/usr/bin/gawk -f)', probe: () => runs('gawk', ['--version']) },
  { name: 'python3 distributed', pkg: 'python3-distributed', why: 'the Dask cluster example test', probe: () => runs(python3(), ['-c', 'import distributed']) },
];

/**
 * The Python that Debian's python3-* packages serve: /usr/bin/python3 when it
 * exists (a pyenv or venv python3 earlier on PATH cannot import them), else
 * python3 from PATH; WIRETRACE_PYTHON names another. Tests that run Python
 * use the same choice.
 */
export function python3() {
  return process.env.WIRETRACE_PYTHON ?? (existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3');
}

function runs(cmd, args, env = process.env) {
  const r = spawnSync(cmd, args, { stdio: 'ignore', env, timeout: 60_000 });
  return r.status === 0;
}

/** As playwright.config.ts chooses: WIRETRACE_CHROMIUM when set, else Debian's. */
function hasChromium() {
  return existsSync(process.env.WIRETRACE_CHROMIUM ?? '/usr/bin/chromium');
}

/**
 * What to do about the missing packages, given what this machine allows.
 * Returns { action: 'none' } | { action: 'install', argv: [...] per step } |
 * { action: 'fail', message }.
 */
export function plan(missing, { isRoot, hasApt, hasSudo }) {
  if (missing.length === 0) return { action: 'none' };
  const pkgs = missing.map((r) => r.pkg);
  const command = `sudo apt-get update && sudo apt-get install -y ${pkgs.join(' ')}`;
  if (hasApt && (isRoot || hasSudo)) {
    // No questions asked (tshark's debconf prompt): DEBIAN_FRONTEND, passed through sudo as an assignment.
    const pre = isRoot ? [] : ['sudo', '-n', 'DEBIAN_FRONTEND=noninteractive'];
    return {
      action: 'install',
      steps: [
        [...pre, 'apt-get', 'update', '-qq'],
        [...pre, 'apt-get', 'install', '-y', '-qq', ...pkgs],
      ],
    };
  }
  const lines = missing.map((r) => `  ${r.name} (Debian package ${r.pkg}): needed for ${r.why}`);
  const how = hasApt
    ? `Install them with:\n  ${command}\n(npm test installs them itself when run as root or with sudo that needs no password.)`
    : `This machine has no apt-get: install the equivalent packages with its own package manager (on Debian/Ubuntu: ${command}).`;
  return { action: 'fail', message: `npm test: cannot run the test suites: missing\n${lines.join('\n')}\n${how}` };
}

function main() {
  const checkOnly = process.argv.includes('--check');
  const missing = REQUIREMENTS.filter((r) => !r.probe());
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const hasApt = runs('apt-get', ['--version']);
  const hasSudo = !isRoot && runs('sudo', ['-n', 'true']);
  const p = checkOnly && missing.length > 0
    ? plan(missing, { isRoot: false, hasApt, hasSudo: false })
    : plan(missing, { isRoot, hasApt, hasSudo });
  if (p.action === 'none') return 0;
  if (p.action === 'fail') {
    process.stderr.write(p.message + '\n');
    return 1;
  }
  for (const r of missing) process.stdout.write(`npm test: installing ${r.pkg} (for ${r.why})\n`);
  for (const argv of p.steps) {
    const r = spawnSync(argv[0], argv.slice(1), {
      stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
    if (r.status !== 0) {
      process.stderr.write(`npm test: \`${argv.join(' ')}\` failed (exit status ${r.status ?? r.signal}); install ${missing.map((m) => m.pkg).join(' ')} by hand\n`);
      return 1;
    }
  }
  const still = REQUIREMENTS.filter((r) => !r.probe());
  if (still.length > 0) {
    process.stderr.write(`npm test: still missing after installing: ${still.map((r) => r.name).join(', ')}\n`);
    return 1;
  }
  return 0;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) process.exit(main());
