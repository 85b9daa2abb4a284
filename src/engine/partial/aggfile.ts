/**
 * Aggregation partials as Parquet (`-x aggpartial -o part.parquet`): each
 * aggregation's mergeable state (aggregate-merge.ts), one row per
 * (aggregation, key tuple), so that `--merge` — or any SQL engine with SUM,
 * MIN and MAX over the state columns — combines partials of many captures.
 *
 * Schema (version PARTIAL_SCHEMA; README "Partials: the schema"):
 *
 *   agg        STRING  REQUIRED  aggregation name (without @; "_" for @)
 *   agg_index  INT32   REQUIRED  its position in the program
 *   func       STRING  REQUIRED  count sum avg min max stddev quantize lquantize llquantize
 *   ktypes     STRING  REQUIRED  one letter per key: i (integer) or s (string)
 *   k1 .. kN   STRING  OPTIONAL  the keys: integers in decimal (exact, signed
 *                                or unsigned as the key type), strings as is
 *   count      INT64   OPTIONAL  count(): the count; avg, stddev: how many values
 *   sum        INT64   OPTIONAL  sum(): the sum; avg, stddev: the sum of the values
 *   sumsq      STRING  OPTIONAL  stddev: sum of squares, decimal (128 bits, modulo 2^128)
 *   min / max  INT64   OPTIONAL  min(), max()
 *   buckets    LIST<INT64> OPTIONAL  quantize family: every bucket's count
 *   low high step              INT32 OPTIONAL  lquantize's parameters
 *   factor lmag hmag nsteps    INT32 OPTIONAL  llquantize's parameters
 *
 * File metadata (key/value): wiretrace.kind=aggpartial, wiretrace.schema,
 * wiretrace.version, wiretrace.script (identity.ts), wiretrace.captures
 * (JSON: name and size of each), wiretrace.agg_drops, and wiretrace.digest:
 * a digest of the whole file (seal() below), so a damaged file is refused
 * before it is parsed, never read into a wrong total (Parquet pages carry no
 * checksum by default, and a damaged page can hang a reader).
 *
 * Writing and reading are pure JS (hyparquet-writer, hyparquet): no eval,
 * no wasm, so the web app under its strict CSP can produce the same bytes.
 */
import { parquetWriteBuffer } from 'hyparquet-writer';
import { parquetMetadata, parquetReadObjects } from 'hyparquet';
import type { AggDelta, AggEntryState, AggVarState } from '../../d/runtime/aggregate-merge.ts';
import type { AggFunc, AggParams, KeyVal } from '../../d/runtime/aggregate.ts';
import { canon } from '../../d/runtime/int64.ts';
import { digest64Bytes } from './identity.ts';

export const PARTIAL_SCHEMA = '1';
const FUNCS = new Set<AggFunc>(['count', 'sum', 'avg', 'min', 'max', 'stddev', 'quantize', 'lquantize', 'llquantize']);
const LQ = ['low', 'high', 'step'] as const;
const LLQ = ['factor', 'lmag', 'hmag', 'nsteps'] as const;
const PARAMS = [...LQ, ...LLQ] as const;
const U128 = 1n << 128n;

export interface PartialMeta {
  version: string;
  script: string;
  captures: { name: string; size: number | null }[];
  aggDrops: number;
}

export class PartialError extends Error {}

const s64 = (v: KeyVal | number | bigint): bigint => BigInt.asIntN(64, BigInt(v));

/**
 * The file's integrity: the footer holds `DIGEST_MARK` and 16 hex digits,
 * the digest64 of the whole file with those digits as zeros. It is checked
 * before any Parquet reader sees the file, since a damaged page can make a
 * reader loop forever or decode other values without noticing.
 */
const DIGEST_MARK = 'wiretrace-digest:';
const ZEROS = '0'.repeat(16);
const latin1 = (s: string): Uint8Array => Uint8Array.from(s, (c) => c.charCodeAt(0));

function lastIndexOf(hay: Uint8Array, needle: Uint8Array): number {
  outer: for (let i = hay.length - needle.length; i >= 0; i--) {
    for (let j = 0; j < needle.length; j++) if (hay[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}

/** Writes the digest into a file (over the digits already there: a test reseals a file it edited). */
export function seal(file: Uint8Array): Uint8Array {
  const at = lastIndexOf(file, latin1(DIGEST_MARK)) + DIGEST_MARK.length;
  file.set(latin1(ZEROS), at);
  file.set(latin1(digest64Bytes(file)), at);
  return file;
}

/** '' when the file's digest holds; else why not. */
export function sealBroken(file: Uint8Array): string {
  const magic = (o: number): boolean => file[o] === 0x50 && file[o + 1] === 0x41 && file[o + 2] === 0x52 && file[o + 3] === 0x31;
  if (file.length < 12 || !magic(0) || !magic(file.length - 4)) return 'not a Parquet file (no PAR1 at its start and end)';
  const m = lastIndexOf(file, latin1(DIGEST_MARK));
  if (m < 0 || m + DIGEST_MARK.length + 16 > file.length) return 'not a wiretrace aggregation partial (no wiretrace digest in it)';
  const at = m + DIGEST_MARK.length;
  const want = String.fromCharCode(...file.subarray(at, at + 16));
  const copy = file.slice();
  copy.set(latin1(ZEROS), at);
  return digest64Bytes(copy) === want ? '' : 'damaged: its bytes do not match the digest written in it';
}

/** The Parquet bytes of a delta. `nkeys`: key columns to write (the program's largest key tuple). */
export function encodeAggPartial(delta: AggDelta, nkeys: number, meta: PartialMeta): Uint8Array {
  const col = {
    agg: [] as string[], agg_index: [] as number[], func: [] as string[], ktypes: [] as string[],
    count: [] as (bigint | null)[], sum: [] as (bigint | null)[], sumsq: [] as (string | null)[],
    min: [] as (bigint | null)[], max: [] as (bigint | null)[], buckets: [] as (bigint[] | null)[],
  };
  const keys: (string | null)[][] = Array.from({ length: nkeys }, () => []);
  const params: Record<string, (number | null)[]> = Object.fromEntries(PARAMS.map((p) => [p, []]));
  for (const v of delta.vars) {
    for (const e of v.entries) {
      col.agg.push(v.name); col.agg_index.push(v.index); col.func.push(v.func);
      col.ktypes.push(e.keys.map((k) => (typeof k === 'string' ? 's' : 'i')).join(''));
      for (let i = 0; i < nkeys; i++) { const k = e.keys[i]; keys[i]!.push(k === undefined ? null : String(k)); }
      const f = v.func;
      col.count.push(f === 'count' ? s64(e.v) : f === 'avg' || f === 'stddev' ? s64(e.n) : null);
      col.sum.push(f === 'sum' || f === 'avg' || f === 'stddev' ? s64(e.v) : null);
      col.sumsq.push(f === 'stddev' ? e.sq.toString() : null);
      col.min.push(f === 'min' ? s64(e.v) : null);
      col.max.push(f === 'max' ? s64(e.v) : null);
      col.buckets.push(e.buckets ? e.buckets.map((c) => BigInt(c)) : null);
      for (const p of PARAMS) params[p]!.push(v.params[p] ?? null);
    }
  }
  const str = (name: string, required = false) => ({ name, type: 'BYTE_ARRAY' as const, converted_type: 'UTF8' as const, repetition_type: required ? 'REQUIRED' as const : 'OPTIONAL' as const });
  const int = (name: string, type: 'INT32' | 'INT64', required = false) => ({ name, type, repetition_type: required ? 'REQUIRED' as const : 'OPTIONAL' as const });
  const keyNames = keys.map((_, i) => `k${i + 1}`);
  const fields = [
    str('agg', true), int('agg_index', 'INT32', true), str('func', true), str('ktypes', true),
    ...keyNames.map((n) => str(n)),
    int('count', 'INT64'), int('sum', 'INT64'), str('sumsq'), int('min', 'INT64'), int('max', 'INT64'),
  ];
  const schema = [
    { name: 'root', num_children: fields.length + 1 + PARAMS.length },
    ...fields,
    { name: 'buckets', repetition_type: 'OPTIONAL' as const, converted_type: 'LIST' as const, num_children: 1 },
    { name: 'list', repetition_type: 'REPEATED' as const, num_children: 1 },
    { name: 'element', type: 'INT64' as const, repetition_type: 'REQUIRED' as const },
    ...PARAMS.map((p) => int(p, 'INT32')),
  ];
  const columnData = [
    { name: 'agg', data: col.agg }, { name: 'agg_index', data: col.agg_index }, { name: 'func', data: col.func }, { name: 'ktypes', data: col.ktypes },
    ...keyNames.map((n, i) => ({ name: n, data: keys[i]! })),
    { name: 'count', data: col.count }, { name: 'sum', data: col.sum }, { name: 'sumsq', data: col.sumsq },
    { name: 'min', data: col.min }, { name: 'max', data: col.max },
    { name: 'buckets', data: col.buckets },
    ...PARAMS.map((p) => ({ name: p, data: params[p]! })),
  ];
  const kv = [
    { key: 'wiretrace.kind', value: 'aggpartial' },
    { key: 'wiretrace.schema', value: PARTIAL_SCHEMA },
    { key: 'wiretrace.version', value: meta.version },
    { key: 'wiretrace.script', value: meta.script },
    { key: 'wiretrace.captures', value: JSON.stringify(meta.captures) },
    { key: 'wiretrace.agg_drops', value: String(meta.aggDrops) },
    { key: 'wiretrace.digest', value: DIGEST_MARK + ZEROS },
  ];
  const buf = parquetWriteBuffer({ columnData, schema, kvMetadata: kv, createdBy: `wiretrace version ${meta.version}` });
  return seal(new Uint8Array(buf));
}

/**
 * Reads a partial: its metadata and its delta. Anything that is not a
 * wiretrace partial of this schema, or whose rows do not match its digest,
 * throws a PartialError whose message names the file.
 */
export async function decodeAggPartial(bytes: Uint8Array, name: string): Promise<{ meta: PartialMeta; delta: AggDelta }> {
  const fail = (why: string): never => { throw new PartialError(`${name}: ${why}`); };
  const broken = sealBroken(bytes);
  if (broken) return fail(broken);
  const file = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  let kv: Map<string, string>;
  let meta: ReturnType<typeof parquetMetadata>;
  try {
    meta = parquetMetadata(file);
    kv = new Map((meta.key_value_metadata ?? []).map((e) => [e.key, e.value ?? '']));
  } catch (e) {
    return fail(`not a readable Parquet file (${e instanceof Error ? e.message : String(e)})`);
  }
  if (kv.get('wiretrace.kind') !== 'aggpartial') return fail('not a wiretrace aggregation partial (no wiretrace.kind=aggpartial in its metadata)');
  if (kv.get('wiretrace.schema') !== PARTIAL_SCHEMA) return fail(`partial schema ${kv.get('wiretrace.schema') ?? '(none)'}, this wiretrace reads schema ${PARTIAL_SCHEMA}`);
  let captures: PartialMeta['captures'];
  try { captures = JSON.parse(kv.get('wiretrace.captures') ?? '') as PartialMeta['captures']; } catch { return fail('damaged metadata (wiretrace.captures)'); }
  const pm: PartialMeta = { version: kv.get('wiretrace.version') ?? '', script: kv.get('wiretrace.script') ?? '', captures, aggDrops: Number(kv.get('wiretrace.agg_drops') ?? 'NaN') };
  if (!Number.isSafeInteger(pm.aggDrops) || pm.aggDrops < 0) return fail('damaged metadata (wiretrace.agg_drops)');
  let rows: Record<string, unknown>[];
  try {
    rows = await parquetReadObjects({ file, metadata: meta, utf8: true }) as Record<string, unknown>[];
  } catch (e) {
    return fail(`damaged Parquet file (${e instanceof Error ? e.message : String(e)})`);
  }
  const vars: AggVarState[] = [];
  const byIndex = new Map<number, AggVarState>();
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r]!;
    const bad = (what: string): never => fail(`damaged row ${r + 1} (${what})`);
    const index = row['agg_index'], aggName = row['agg'], func = row['func'], ktypes = row['ktypes'];
    if (typeof index !== 'number' || !Number.isInteger(index) || index < 0) return bad('agg_index');
    if (typeof aggName !== 'string' || typeof func !== 'string' || !FUNCS.has(func as AggFunc) || typeof ktypes !== 'string' || !/^[is]*$/.test(ktypes)) return bad('agg, func or ktypes');
    const keys: KeyVal[] = [];
    for (let i = 0; i < ktypes.length; i++) {
      const k = row[`k${i + 1}`];
      if (typeof k !== 'string') return bad(`k${i + 1}`);
      if (ktypes[i] === 's') keys.push(k);
      else if (/^-?[0-9]+$/.test(k)) keys.push(canon(BigInt(k)));
      else return bad(`k${i + 1}`);
    }
    const f = func as AggFunc;
    const i64 = (c: string): bigint => { const x = row[c]; return typeof x === 'bigint' ? x : bad(c); };
    const e: AggEntryState = { keys, v: 0, n: 0, sq: 0n, buckets: null };
    switch (f) {
      case 'count': e.v = canon(i64('count')); break;
      case 'sum': e.v = canon(i64('sum')); break;
      case 'min': e.v = canon(i64('min')); break;
      case 'max': e.v = canon(i64('max')); break;
      case 'avg': case 'stddev': {
        e.n = canon(i64('count')); e.v = canon(i64('sum'));
        if (f === 'stddev') {
          const q = row['sumsq'];
          if (typeof q !== 'string' || !/^[0-9]+$/.test(q) || BigInt(q) >= U128) return bad('sumsq');
          e.sq = BigInt(q);
        }
        break;
      }
      default: {
        const b = row['buckets'];
        if (!Array.isArray(b) || b.some((c) => typeof c !== 'bigint')) return bad('buckets');
        e.buckets = (b as bigint[]).map(canon);
      }
    }
    let v = byIndex.get(index);
    if (v === undefined) {
      const params: AggParams = {};
      for (const p of PARAMS) {
        const x = row[p];
        if (x === null || x === undefined) continue;
        if (typeof x !== 'number') return bad(p);
        params[p] = x;
      }
      v = { index, name: aggName, func: f, params, entries: [] };
      byIndex.set(index, v);
      vars.push(v);
    } else if (v.name !== aggName || v.func !== f) return bad('an aggregation with two names or functions');
    v.entries.push(e);
  }
  return { meta: pm, delta: { vars, drops: pm.aggDrops } };
}
