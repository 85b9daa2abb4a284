/**
 * examples/dask/wiretrace_dask.py on this machine: a Dask LocalCluster of two
 * worker processes runs wiretrace -x aggpartial over three captures in a
 * directory, and --merge combines the partials; the output is what one run
 * over the three prints from END on. Needs Debian's python3-distributed
 * (`npm test` installs it: scripts/test-setup.mjs), run by /usr/bin/python3
 * (a pyenv python3 earlier on PATH cannot import it) or $WIRETRACE_PYTHON.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { requireTool } from '../tools.ts';

const ROOT = new URL('../../', import.meta.url).pathname;
const PYTHON = process.env['WIRETRACE_PYTHON'] ?? (existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3');

it('a Dask LocalCluster over three captures, merged, prints what one run over all three prints at END', () => {
  requireTool('editcap');
  const probe = spawnSync(PYTHON, ['-c', 'import distributed'], { encoding: 'utf8' });
  expect(probe.status, `${PYTHON} cannot import distributed: apt-get install python3-distributed (npm test does: scripts/test-setup.mjs)\n${probe.stderr}`).toBe(0);
  const dir = mkdtempSync(join(tmpdir(), 'wt-dask-'));
  expect(spawnSync('editcap', ['-c', '900', `${ROOT}samples/captures/demo-mixed.pcapng`, join(dir, 'rot.pcapng')]).status).toBe(0);
  const caps = readdirSync(dir).sort().map((f) => join(dir, f));
  expect(caps).toHaveLength(3);
  const script = 'samples/book/tcpbytes.d';
  const dask = spawnSync(PYTHON, ['examples/dask/wiretrace_dask.py', '--workers', '2', '-s', script, dir], { cwd: ROOT, encoding: 'latin1', env: { ...process.env, TZ: 'UTC', WIRETRACE_NODE: process.execPath } });
  expect(dask.stderr).toBe(''); // tcpbytes.d is quiet: nothing on stderr from the tasks or the merge
  expect(dask.status).toBe(0);
  const one = spawnSync(process.execPath, ['bin/wiretrace.mjs', '-s', script, ...caps.flatMap((c) => ['-r', c])], { cwd: ROOT, encoding: 'latin1', env: { ...process.env, TZ: 'UTC' } });
  expect(one.status).toBe(0);
  const fromEnd = one.stdout.slice(one.stdout.indexOf('\n') + 1); // BEGIN printed one line
  expect(fromEnd.split('\n').length).toBeGreaterThan(10);
  expect(dask.stdout).toBe(fromEnd);
}, 180_000);
