/**
 * -x recfmt=parquet through the CLI: every printf firing is a row, DuckDB
 * reads the file, and each row printed again with its format gives back the
 * text run's line, byte for byte.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, existsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DuckDBInstance } from '@duckdb/node-api';
import { parquetReadObjects } from 'hyparquet';
import { formatValues, isFormatError, parseFormat, type PfValue } from '../../src/d/format/printf.ts';

const ROOT = new URL('../../', import.meta.url).pathname;
const BIN = `${ROOT}bin/wiretrace.mjs`;
const cli = (args: string[]) => spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, env: { ...process.env, TZ: 'UTC' }, encoding: 'latin1' });
const dir = mkdtempSync(join(tmpdir(), 'wt-records-'));

/** The row's arguments in order, from aI / aI_text. */
function argsOf(r: Record<string, unknown>): PfValue[] {
  const out: PfValue[] = [];
  for (let i = 1; `a${i}` in r || `a${i}_text` in r; i++) {
    const v = r[`a${i}`] ?? r[`a${i}_text`];
    if (v === null || v === undefined) break;
    out.push(typeof v === 'bigint' ? (v >= BigInt(Number.MIN_SAFE_INTEGER) && v <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(v) : v) : v as string);
  }
  return out;
}

describe('-x recfmt=parquet', () => {
  for (const [script, capture] of [['samples/scripts/ipio.d', 'demo-mixed.pcapng'], ['samples/scripts/tcpsnoop.d', 'tcpsnoop.pcapng']] as const) {
    it(`${script} over ${capture}: one row per printf line, each row printing the text run's line`, async () => {
      const cap = `samples/captures/${capture}`;
      if (!existsSync(join(ROOT, script))) throw new Error(`missing ${script}`);
      const text = cli(['-q', '-s', script, '-r', cap]);
      expect(text.status).toBe(0);
      const file = join(dir, `${capture}.parquet`);
      const rec = cli(['-q', '-x', 'recfmt=parquet', '-o', file, '-s', script, '-r', cap]);
      expect(rec.stderr).toBe(text.stderr);
      expect(rec.status).toBe(0);
      // Only printf's text moved to the file: what is left on stdout is END's newline (and any printa).
      expect(rec.stdout).toBe('\n');
      const bytes = readFileSync(file);
      const rows = await parquetReadObjects({ file: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length) as ArrayBuffer });
      let again = '';
      for (const r of rows) {
        const pf = parseFormat(r.format as string);
        if (isFormatError(pf)) throw new Error(pf.message);
        // %s of UTF-8 text: the CLI prints the bytes, latin1 here.
        again += formatValues(pf, argsOf(r).map((v) => (typeof v === 'string' ? Buffer.from(v, 'utf8').toString('latin1') : v)));
      }
      expect(again + '\n').toBe(text.stdout);

      const con = await (await DuckDBInstance.create(':memory:')).connect();
      const n = (await con.runAndReadAll(`SELECT count(*), count(frame) FROM read_parquet('${file}')`)).getRows()[0]!;
      expect(n.map(Number)).toEqual([rows.length, rows.filter((r) => r.frame !== null).length]);
    });
  }

  it('needs -o, refuses speculations, and keeps one worker', () => {
    expect(cli(['-x', 'recfmt=parquet', '-n', 'BEGIN { printf("x"); exit(0); }']).stderr).toBe('dtrace: -x recfmt=parquet writes a Parquet file: name it with -o FILE\n'.replace('dtrace', 'wiretrace'));
    const f = join(dir, 'spec.parquet');
    const d = join(dir, 'spec.d');
    writeFileSync(d, 'BEGIN { s = speculation(); speculate(s); printf("x"); }\nBEGIN { commit(s); }\nBEGIN { exit(0); }\n');
    const spec = cli(['-q', '-x', 'recfmt=parquet', '-o', f, '-s', d]);
    expect(spec.status).toBe(1);
    expect(spec.stderr).toContain('-x recfmt=parquet: a program with speculations cannot write its printf rows');
    const w = cli(['-q', '-x', 'recfmt=parquet', '-x', 'ncpu=2', '-o', join(dir, 'w.parquet'), '-n', 'ip:::send { printf("%d\\n", args[2]->ip_plength); }', '-r', 'samples/captures/demo-mixed.pcapng']);
    expect(w.status).toBe(0);
  });
});
