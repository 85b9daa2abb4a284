/** The records' Parquet file: schema by argument kinds, rows in row groups, read back with hyparquet. */
import { describe, expect, it } from 'vitest';
import { parquetMetadata, parquetReadObjects } from 'hyparquet';
import { RecordFile, type PrintfStmt } from './recfile.ts';
import { T_INT, T_STRING, T_ULONG, pointerTo, T_CHAR } from '../../d/types/types.ts';

function write(stmts: PrintfStmt[], rows: [number, unknown[], number][]): { bytes: Uint8Array; chunks: number } {
  const parts: Uint8Array[] = [];
  const f = new RecordFile(stmts, 'test', (b) => parts.push(b));
  for (const [stmt, values, frame] of rows) f.add(stmt, values, 'ip:ip:ip_xmit:send', frame, 1_000_000_000_000 + frame);
  f.finish();
  const bytes = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) { bytes.set(p, o); o += p.length; }
  return { bytes, chunks: parts.length };
}

const read = async (bytes: Uint8Array): Promise<Record<string, unknown>[]> => parquetReadObjects({ file: bytes.buffer as ArrayBuffer });

describe('RecordFile', () => {
  it('types each argument position: integers INT64, strings and addresses text, a mixed position both', async () => {
    const stmts: PrintfStmt[] = [
      { format: '%s %s %s\n', types: [T_STRING, T_STRING, T_STRING] },
      { format: '%d %s %p\n', types: [T_INT, T_STRING, pointerTo(T_CHAR)] },
      { format: '%u\n', types: [T_ULONG] },
    ];
    const { bytes } = write(stmts, [[0, ['A', 'B', 'C'], 0], [1, [-5, 'caf\xc3\xa9', 0x1234], 7], [2, [2n ** 64n - 1n], 8]]);
    const meta = parquetMetadata(bytes.buffer as ArrayBuffer);
    expect(meta.schema.slice(1).map((s) => `${s.name}:${s.type}`)).toEqual([
      'frame:INT64', 'timestamp:INT64', 'probe:BYTE_ARRAY', 'format:BYTE_ARRAY', 'a1:INT64', 'a1_text:BYTE_ARRAY', 'a2:BYTE_ARRAY', 'a3:BYTE_ARRAY',
    ]);
    const kv = Object.fromEntries((meta.key_value_metadata ?? []).map((k) => [k.key, k.value]));
    expect(kv['wiretrace.kind']).toBe('records');
    expect(JSON.parse(kv['wiretrace.formats']!)[1]).toEqual({ format: '%d %s %p\n', types: ['int', 'string', 'char *'] });
    const rows = await read(bytes);
    expect(rows.map((r) => [r.frame, r.a1, r.a1_text, r.a2, r.a3])).toEqual([
      [null, null, 'A', 'B', 'C'],
      [7n, -5n, null, 'café', '0x1234'],
      [8n, -1n, null, null, null],
    ]);
    expect(rows[1]!.timestamp).toBe(1_000_000_000_007n);
  });

  it('writes row groups as the rows come, so memory stays one group', async () => {
    const rows: [number, unknown[], number][] = Array.from({ length: 150_000 }, (_, i) => [0, [i], i + 1]);
    const { bytes, chunks } = write([{ format: '%d\n', types: [T_INT] }], rows);
    expect(chunks).toBeGreaterThanOrEqual(3);
    expect(parquetMetadata(bytes.buffer as ArrayBuffer).row_groups.length).toBe(3);
    const back = await read(bytes);
    expect(back.length).toBe(150_000);
    expect(back[149_999]!.a1).toBe(149_999n);
  });
});

describe('-x recfmt=parquet in a consumer that writes no files (the web app)', () => {
  it('is refused with a message, never printed as text nor dropped silently', async () => {
    const { runD } = await import('../testkit.ts');
    const r = await runD('BEGIN { printf("x\\n"); exit(0); }', { xopts: [['recfmt', 'parquet']] });
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('-x recfmt=parquet writes a Parquet file, which only the wiretrace command does (-o FILE)');
    const a = await runD('BEGIN { @ = count(); exit(0); }', { xopts: [['aggpartial', undefined]] });
    expect(a.status).toBe(1);
    expect(a.stderr).toContain('-x aggpartial writes a Parquet file, which only the wiretrace command does (-o FILE)');
  });
});
