/**
 * Aggregation partials through the built CLI: a capture cut into three
 * (editcap), each run with -x aggpartial (one of them over two workers),
 * merged with --merge, prints exactly what one run over the three prints
 * from END on; DuckDB reads the same files and, with plain SUM/MIN/MAX of
 * the state columns, gives the same numbers; foreign, damaged and
 * mismatched partials are refused with the file's name.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { requireTool } from '../tools.ts';

const ROOT = new URL('../../', import.meta.url).pathname;
const BIN = `${ROOT}bin/wiretrace.mjs`;
const CAPTURE = `${ROOT}samples/captures/demo-mixed.pcapng`;

interface Run { stdout: string; stderr: string; status: number | null }
function cli(args: string[]): Run {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, env: { ...process.env, TZ: 'UTC' }, encoding: 'latin1' });
  return { stdout: r.stdout, stderr: r.stderr, status: r.status };
}

let dir = '';
let parts: string[] = [];
beforeAll(() => {
  requireTool('editcap');
  dir = mkdtempSync(join(tmpdir(), 'wt-partial-'));
  // 2586 frames: three captures of 900, 900 and 786, as tcpdump -G or -C would rotate them.
  const r = spawnSync('editcap', ['-c', '900', CAPTURE, join(dir, 'cut.pcapng')]);
  expect(r.status).toBe(0);
  parts = readdirSync(dir).filter((f) => f.startsWith('cut')).sort().map((f) => join(dir, f));
  expect(parts).toHaveLength(3);
});

const SCRIPTS: Record<string, string[]> = {
  'tcpbytes.d (book)': ['-s', 'samples/book/tcpbytes.d'],
  'every aggregating function, signed keys, printa in END': ['-q', '-n', `
    ip:::send, ip:::receive {
      @n[args[2]->ip_saddr] = count();
      @s[args[2]->ip_ver] = sum(args[2]->ip_plength);
      @a = avg(args[2]->ip_plength);
      @sd[args[2]->ip_ver] = stddev(args[2]->ip_plength * 1000000);
      @mn[(int)args[2]->ip_plength - 700] = min((int)args[2]->ip_plength - 700);
      @mx[args[2]->ip_ver] = max(-(int)args[2]->ip_plength);
      @q = quantize(args[2]->ip_plength);
      @lq[args[2]->ip_ver] = lquantize(args[2]->ip_plength, 0, 1500, 100);
      @llq = llquantize(args[2]->ip_plength, 10, 0, 4, 10);
    }
    END { printa("%-40s %@d\\n", @n); normalize(@s, 2); }`],
  'trunc and sort options in END': ['-q', '-x', 'aggsortrev', '-n', `
    tcp:::send, tcp:::receive { @c[args[3]->tcps_raddr, args[3]->tcps_rport] = count(); }
    END { trunc(@c, 5); }`],
};

describe('--merge of -x aggpartial files prints what one run over all the captures prints from END on', () => {
  for (const [name, script] of Object.entries(SCRIPTS)) {
    it(name, () => {
      const files: string[] = [];
      let partOut = '';
      parts.forEach((p, i) => {
        const f = `${p}.${name.length}.parquet`;
        const r = cli([...(i === 1 ? ['-x', 'ncpu=2'] : []), '-x', 'aggpartial', '-o', f, ...script, '-r', p]);
        expect(r.stderr).not.toMatch(/error|failed/);
        expect(r.status).toBe(0);
        partOut = r.stdout;
        files.push(f);
      });
      const one = cli([...script, ...parts.flatMap((p) => ['-r', p])]);
      expect(one.status).toBe(0);
      // These scripts print only in BEGIN and END: each partial run printed BEGIN's part.
      expect(one.stdout.startsWith(partOut)).toBe(true);
      const merged = cli(['--merge', ...files, ...script]);
      expect(merged.stderr).toBe(one.stderr);
      expect(merged.status).toBe(0);
      expect(merged.stdout).toBe(one.stdout.slice(partOut.length));
      expect(merged.stdout.length).toBeGreaterThan(100);
    }, 60_000);
  }
});

describe('merges form a tree: --merge with -x aggpartial writes a partial of its partials', () => {
  it('(1 + 2) + 3 prints what 1 + 2 + 3 prints, and the metadata lists all three captures', async () => {
    const script = SCRIPTS['every aggregating function, signed keys, printa in END']!;
    const f = parts.map((p, i) => {
      const out = `${p}.tree.parquet`;
      expect(cli(['-x', 'aggpartial', '-o', out, ...script, '-r', parts[i]!]).status).toBe(0);
      return out;
    });
    const left = join(dir, 'left.parquet');
    const r = cli(['-x', 'aggpartial', '-o', left, '--merge', f[0]!, f[1]!, ...script]);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('');
    const tree = cli(['--merge', left, f[2]!, ...script]);
    const flat = cli(['--merge', ...f, ...script]);
    expect(tree.status).toBe(0);
    expect(tree.stdout).toBe(flat.stdout);
    const { decodeAggPartial } = await import('../../src/engine/partial/aggfile.ts');
    const { meta } = await decodeAggPartial(readFileSync(left), left);
    expect(meta.captures.map((c) => c.name)).toEqual([parts[0], parts[1]]);
  }, 60_000);
});

describe('DuckDB reads the partials', () => {
  let con: DuckDBConnection;
  let files: string[] = [];
  const script = ['-q', '-n', `ip:::send, ip:::receive {
      @c[args[2]->ip_saddr, args[2]->ip_ver] = count();
      @lo[args[2]->ip_saddr] = min(args[2]->ip_plength);
      @hi[args[2]->ip_saddr] = max(args[2]->ip_plength);
      @b[args[2]->ip_saddr] = sum(args[2]->ip_plength); }
    END { printa("%s %d %@d\\n", @c); printa("%s %@d\\n", @lo); printa("%s %@d\\n", @hi); printa("%s %@d\\n", @b); }`];
  beforeAll(async () => {
    files = parts.map((p) => {
      const f = `${p}.sql.parquet`;
      expect(cli(['-x', 'aggpartial', '-o', f, ...script, '-r', p]).status).toBe(0);
      return f;
    });
    con = await (await DuckDBInstance.create(':memory:')).connect();
  });
  afterAll(() => { con?.closeSync(); });

  const rows = async (sql: string): Promise<string[]> =>
    (await con.runAndReadAll(sql)).getRows().map((r) => r.map(String).join(' ')).sort();

  it('SUM, MIN and MAX of the state columns give the same numbers as --merge', async () => {
    const merged = cli(['--merge', ...files, ...script]);
    expect(merged.status).toBe(0);
    const byAgg = (sql: string): Promise<string[]> => rows(sql.replace('$F', `read_parquet([${files.map((f) => `'${f}'`).join(', ')}])`));
    const lines = merged.stdout.split('\n').filter((l) => l !== '');
    const c = await byAgg("SELECT k1, k2, SUM(count) FROM $F WHERE agg = 'c' GROUP BY k1, k2");
    const lo = await byAgg("SELECT k1, MIN(min) FROM $F WHERE agg = 'lo' GROUP BY k1");
    const hi = await byAgg("SELECT k1, MAX(max) FROM $F WHERE agg = 'hi' GROUP BY k1");
    const b = await byAgg("SELECT k1, SUM(sum) FROM $F WHERE agg = 'b' GROUP BY k1");
    expect(c.length).toBeGreaterThan(3);
    expect([...c, ...lo, ...hi, ...b].sort()).toEqual(lines.sort());
  });

  it('the metadata says which script, captures and version made each file', async () => {
    const kv = await rows(`SELECT file_name, decode(key), decode(value) FROM parquet_kv_metadata('${files[0]}') WHERE decode(key) IN ('wiretrace.kind', 'wiretrace.version')`);
    expect(kv).toEqual([`${files[0]} wiretrace.kind aggpartial`, `${files[0]} wiretrace.version 0.1.0`]);
    const caps = await rows(`SELECT decode(value) FROM parquet_kv_metadata('${files[0]}') WHERE decode(key) = 'wiretrace.captures'`);
    expect(JSON.parse(caps[0]!)).toEqual([{ name: parts[0], size: readFileSync(parts[0]!).length }]);
  });
});

describe('bad partials are refused with the file named', () => {
  const script = ['-q', '-n', 'ip:::receive { @[args[2]->ip_saddr] = count(); }'];
  let good = '';
  beforeAll(() => {
    good = join(dir, 'good.parquet');
    expect(cli(['-x', 'aggpartial', '-o', good, ...script, '-r', parts[0]!]).status).toBe(0);
  });
  it('a partial of another script', () => {
    const r = cli(['--merge', good, '-q', '-n', 'ip:::receive { @[args[2]->ip_daddr] = count(); }']);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe(`wiretrace: ${good}: a partial of another script (or other -D definitions or macro arguments)\n`);
    expect(r.stdout).toBe('');
  });
  it('a damaged file', () => {
    const b = readFileSync(good);
    b[b.length >> 1]! ^= 0x40;
    const bad = join(dir, 'bad.parquet');
    writeFileSync(bad, b);
    const r = cli(['--merge', good, bad, ...script]);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe(`wiretrace: ${bad}: damaged: its bytes do not match the digest written in it\n`);
    expect(r.stdout).toBe('');
  });
  it('a file that is not Parquet, and one that does not exist', () => {
    const r = cli(['--merge', CAPTURE, ...script]);
    expect(r.stderr).toBe(`wiretrace: ${CAPTURE}: not a Parquet file (no PAR1 at its start and end)\n`);
    expect(cli(['--merge', join(dir, 'nope.parquet'), ...script]).stderr).toBe(`wiretrace: failed to open ${join(dir, 'nope.parquet')}: No such file or directory\n`);
  });
  it('a program whose result depends on frame order across captures (ipio.d writes a global)', () => {
    const r = cli(['-x', 'aggpartial', '-o', join(dir, 'ipio.parquet'), '-s', 'samples/book/ipio.d', '-r', parts[0]!]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^wiretrace: -x aggpartial: the program's result depends on the order of frames across captures, so partials cannot be merged:\n {2}samples\/book\/ipio\.d:\d+: the global last is written by a packet clause/);
  });
  it('-x aggpartial needs -o; --merge takes no -r', () => {
    expect(cli(['-x', 'aggpartial', ...script, '-r', parts[0]!]).stderr).toBe('wiretrace: -x aggpartial writes a Parquet file: name it with -o FILE\n');
    expect(cli(['--merge', good, ...script, '-r', parts[0]!]).stderr).toBe('wiretrace: --merge reads partials, not captures: drop the -r options\n');
  });
  it('-x recfmt=parquet does not combine with -x aggpartial (one -o file), and says so', () => {
    const r = cli(['-q', '-x', 'recfmt=parquet', '-x', 'aggpartial', '-o', join(dir, 'rec.parquet'), ...script, '-r', parts[0]!]);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe('wiretrace: -x recfmt=parquet writes printf rows of a run over captures; it does not combine with -x aggpartial or --merge\n');
  });
});
