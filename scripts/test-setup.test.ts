/**
 * The set-up step `npm test` runs first (scripts/test-setup.mjs): what it
 * decides for each kind of machine, and what it does with the tools hidden
 * from PATH — it stops with the exact command when it cannot install, and
 * calls apt-get (directly as root, through `sudo -n` otherwise) when it can.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs script, typed by use
import { REQUIREMENTS, plan } from './test-setup.mjs';

const SCRIPT = fileURLToPath(new URL('./test-setup.mjs', import.meta.url));
const missing = [{ name: 'tshark', pkg: 'tshark', why: 'x' }, { name: 'chromium', pkg: 'chromium', why: 'y' }];

describe('plan', () => {
  it('does nothing when nothing is missing', () => {
    expect(plan([], { isRoot: false, hasApt: false, hasSudo: false })).toEqual({ action: 'none' });
  });

  it('installs with apt-get as root', () => {
    const p = plan(missing, { isRoot: true, hasApt: true, hasSudo: false });
    expect(p).toEqual({ action: 'install', steps: [
      ['apt-get', 'update', '-qq'],
      ['apt-get', 'install', '-y', '-qq', 'tshark', 'chromium'],
    ] });
  });

  it('installs through sudo -n when sudo needs no password', () => {
    const p = plan(missing, { isRoot: false, hasApt: true, hasSudo: true });
    expect(p.action).toBe('install');
    expect(p.steps[1]).toEqual(['sudo', '-n', 'DEBIAN_FRONTEND=noninteractive', 'apt-get', 'install', '-y', '-qq', 'tshark', 'chromium']);
  });

  it('names the exact command when it may not install', () => {
    const p = plan(missing, { isRoot: false, hasApt: true, hasSudo: false });
    expect(p.action).toBe('fail');
    expect(p.message).toContain('sudo apt-get update && sudo apt-get install -y tshark chromium');
    expect(p.message).toContain('tshark (Debian package tshark)');
  });

  it('says what to install on a machine without apt-get', () => {
    const p = plan(missing, { isRoot: true, hasApt: false, hasSudo: false });
    expect(p.action).toBe('fail');
    expect(p.message).toContain('no apt-get');
    expect(p.message).toContain('apt-get install -y tshark chromium');
  });

  it('lists each requirement with the Debian package that provides it', () => {
    const pkgs = (REQUIREMENTS as { pkg: string }[]).map((r) => r.pkg);
    expect(pkgs).toEqual(expect.arrayContaining(['chromium', 'tshark', 'tcpdump', 'gawk', 'python3-distributed']));
  });
});

/** A PATH holding only node and the given shell scripts. */
function bareBin(scripts: Record<string, string>): string {
  const bin = mkdtempSync(join(tmpdir(), 'wt-setup-'));
  symlinkSync(process.execPath, join(bin, 'node'));
  for (const [name, body] of Object.entries(scripts)) {
    writeFileSync(join(bin, name), `#!/bin/sh\n${body}\n`);
    chmodSync(join(bin, name), 0o755);
  }
  return bin;
}

function run(bin: string, args: string[] = []) {
  return spawnSync(process.execPath, [SCRIPT, ...args], {
    env: { PATH: bin, WIRETRACE_CHROMIUM: join(bin, 'no-chromium'), WIRETRACE_PYTHON: 'python3' }, encoding: 'utf8',
  });
}

describe('with the tools hidden from PATH', () => {
  it('stops before anything runs, naming the command, when it cannot install', () => {
    const r = run(bareBin({}));
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('cannot run the test suites: missing');
    for (const pkg of ['chromium', 'tshark', 'tcpdump', 'gawk', 'python3-distributed']) expect(r.stderr).toContain(`Debian package ${pkg}`);
  });

  it('calls apt-get for every missing package when it can, one line printed per package', () => {
    const log = join(mkdtempSync(join(tmpdir(), 'wt-setup-log-')), 'calls');
    // apt-get that records its arguments; sudo that drops -n and VAR=value and runs the rest.
    const bin = bareBin({
      'apt-get': `[ "$1" = --version ] && exit 0\necho "$@" >> ${log}`,
      sudo: 'while :; do case "$1" in -n) shift;; *=*) export "$1"; shift;; *) break;; esac; done\n[ "$1" = true ] && exit 0\nexec "$@"',
    });
    const r = run(bin);
    const calls = readFileSync(log, 'utf8').trim().split('\n');
    expect(calls).toEqual(['update -qq', 'install -y -qq chromium tshark tcpdump gawk python3-distributed']);
    expect(r.stdout.trim().split('\n')).toEqual([
      expect.stringMatching(/^npm test: installing chromium \(for /),
      expect.stringMatching(/^npm test: installing tshark /),
      expect.stringMatching(/^npm test: installing tcpdump /),
      expect.stringMatching(/^npm test: installing gawk /),
      expect.stringMatching(/^npm test: installing python3-distributed /),
    ]);
    // The fake apt-get installed nothing: the step says so instead of going on.
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('still missing after installing');
  });

  it('--check reports without installing', () => {
    const log = join(mkdtempSync(join(tmpdir(), 'wt-setup-log-')), 'calls');
    const r = run(bareBin({ 'apt-get': `[ "$1" = --version ] && exit 0\necho "$@" >> ${log}` }), ['--check']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('sudo apt-get install -y chromium tshark tcpdump gawk python3-distributed');
    expect(() => readFileSync(log)).toThrow();
  });
});
