/**
 * CLI goldens: each NAME.args (a JSON argument list) runs the built CLI
 * (`npm run build:cli` → bin/wiretrace.mjs) through a link named `dtrace`,
 * from this folder; stdout, stderr and the exit status must equal
 * NAME.stdout, NAME.stderr and NAME.status (a missing file is not checked).
 * Expected texts are dtrace(1)'s (dtrace.c messages, dt_parser.c errors).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const here = dirname(fileURLToPath(import.meta.url));
const cli = resolve(here, '../../bin/wiretrace.mjs');
const link = join(mkdtempSync(join(tmpdir(), 'wt-cli-')), 'dtrace');
symlinkSync(cli, link);

describe('dtrace CLI goldens', () => {
  for (const f of readdirSync(here).filter((n) => n.endsWith('.args')).sort()) {
    const name = f.slice(0, -5);
    it(name, () => {
      const args = JSON.parse(readFileSync(join(here, f), 'utf8')) as string[];
      const r = spawnSync(process.execPath, [link, ...args], { cwd: here, encoding: 'latin1', timeout: 60000 });
      const want = (ext: string): string | undefined => (existsSync(join(here, `${name}.${ext}`)) ? readFileSync(join(here, `${name}.${ext}`), 'latin1') : undefined);
      const status = want('status');
      if (status !== undefined) expect(r.status).toBe(Number(status));
      const out = want('stdout');
      if (out !== undefined) expect(r.stdout).toBe(out);
      const err = want('stderr');
      if (err !== undefined) expect(r.stderr).toBe(err);
    });
  }
});
