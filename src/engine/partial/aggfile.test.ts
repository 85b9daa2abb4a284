/**
 * Partials through Parquet: any firing stream split over N captures, each
 * written as a partial and read back, merges to what one buffer prints; the
 * file round-trips every state exactly (64-bit extremes, 128-bit sums of
 * squares, latin1 strings, unsigned keys, empty aggregations); damaged or
 * foreign files are refused with their name, never merged into a wrong total.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { AggStore, type AggFunc, type AggKeyType, type AggParams, type KeyVal } from '../../d/runtime/aggregate.ts';
import { deltaMismatch, mergeDelta, snapshotDelta } from '../../d/runtime/aggregate-merge.ts';
import { formatAggRows } from '../../d/format/printa.ts';
import type { DInt } from '../../d/runtime/int64.ts';
import { decodeAggPartial, encodeAggPartial, PartialError, seal, type PartialMeta } from './aggfile.ts';

interface Def { name: string; func: AggFunc; keys: AggKeyType[]; params: AggParams }
const INT: AggKeyType = { kind: 'int', size: 8, signed: true };
const U64: AggKeyType = { kind: 'int', size: 8, signed: false };
const INT32: AggKeyType = { kind: 'int', size: 4, signed: true };
const STR: AggKeyType = { kind: 'string', size: 256 };
const DEFS: Def[] = [
  { name: 'c', func: 'count', keys: [STR, U64], params: {} },
  { name: 's', func: 'sum', keys: [INT], params: {} },
  { name: 'a', func: 'avg', keys: [], params: {} },
  { name: 'sd', func: 'stddev', keys: [STR, INT32], params: {} },
  { name: 'mn', func: 'min', keys: [INT32], params: {} },
  { name: 'mx', func: 'max', keys: [INT32, STR, INT], params: {} },
  { name: '_', func: 'quantize', keys: [STR], params: {} },
  { name: 'lq', func: 'lquantize', keys: [], params: { low: -50, high: 150, step: 10 } },
  { name: 'llq', func: 'llquantize', keys: [INT], params: { factor: 10, lmag: 0, hmag: 6, nsteps: 20 } },
];
const META: PartialMeta = { version: '0.1.0', script: '0123456789abcdef', captures: [{ name: 'a.pcap', size: 10 }], aggDrops: 0 };

function makeStore(): AggStore {
  const s = new AggStore();
  for (const d of DEFS) s.define(d.name, d.func, d.keys, d.params);
  return s;
}
const printed = (s: AggStore): string => s.vars.map((v) => `@${v.name}:${formatAggRows(v)}`).join('');

const keyArb = (t: AggKeyType): fc.Arbitrary<KeyVal> =>
  t.kind === 'string' ? fc.constantFrom('10.0.0.1', 'fe80::1', '', 'caf\u00e9\u00ff\u0001', '1', 'x'.repeat(40))
    : t.size === 4 ? fc.integer({ min: -3, max: 3 })
      : t.signed === false ? fc.constantFrom<KeyVal>(0, 7, 18446744073709551615n, 9223372036854775808n)
        : fc.oneof(fc.integer({ min: -5, max: 5 }), fc.constantFrom<KeyVal>(9007199254740993n, -9223372036854775808n));
const valueArb: fc.Arbitrary<DInt> = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: -1000, max: 100000 }) },
  { weight: 1, arbitrary: fc.constantFrom<DInt>(0, -1, 9007199254740993n, 9223372036854775807n, -9223372036854775808n, 4611686018427387904n) },
);
const firingArb = fc.integer({ min: 0, max: DEFS.length - 1 }).chain((agg) => fc.record({
  agg: fc.constant(agg),
  keys: fc.tuple(...DEFS[agg]!.keys.map(keyArb)) as fc.Arbitrary<KeyVal[]>,
  v: valueArb,
}));

const encode = (s: AggStore, meta = META): Uint8Array => encodeAggPartial(snapshotDelta(s), 3, meta);

describe('aggregation partials in Parquet', () => {
  it('property: a stream split over N partials, written and read back, merges to one buffer', async () => {
    await fc.assert(fc.asyncProperty(
      fc.array(firingArb, { maxLength: 100 }),
      fc.integer({ min: 1, max: 4 }),
      fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 100, maxLength: 100 }),
      async (firings, n, who) => {
        const whole = makeStore();
        const parts = Array.from({ length: n }, () => makeStore());
        firings.forEach((f, i) => {
          whole.vars[f.agg]!.addN(f.keys, f.v);
          parts[who[i]! % n]!.vars[f.agg]!.addN(f.keys, f.v);
        });
        const merged = makeStore();
        for (const p of parts) {
          const { delta, meta } = await decodeAggPartial(encode(p), 'p.parquet');
          expect(meta).toEqual(META);
          expect(delta.vars).toEqual(snapshotDelta(p).vars);
          expect(deltaMismatch(merged, delta)).toBe('');
          mergeDelta(merged, delta);
        }
        expect(printed(merged)).toBe(printed(whole));
      },
    ), { numRuns: 60 });
  });

  it('an empty partial (no entries at all) is valid and changes nothing', async () => {
    const { delta } = await decodeAggPartial(encode(makeStore()), 'e.parquet');
    expect(delta.vars).toEqual([]);
  });

  it('aggregation drops travel in the metadata', async () => {
    const { delta } = await decodeAggPartial(encode(makeStore(), { ...META, aggDrops: 7 }), 'd.parquet');
    expect(delta.drops).toBe(7);
  });

  it('a damaged file is refused with its name, never merged into a different state', async () => {
    const s = makeStore();
    for (let i = 0; i < 40; i++) { s.vars[0]!.addN([`h${i}`, i], 1); s.vars[1]!.addN([i], i * 1000); s.vars[6]!.addN(['q'], i * 37); }
    const good = encode(s);
    const want = snapshotDelta(s).vars;
    let refused = 0;
    await fc.assert(fc.asyncProperty(fc.integer({ min: 0, max: good.length - 1 }), fc.integer({ min: 1, max: 255 }), async (at, x) => {
      const bad = good.slice();
      bad[at]! ^= x;
      try {
        const { delta } = await decodeAggPartial(bad, 'bad.parquet');
        expect(delta.vars).toEqual(want); // a flip in padding or statistics: the state itself is intact
      } catch (e) {
        expect(e).toBeInstanceOf(PartialError);
        expect((e as Error).message).toMatch(/^bad\.parquet: /);
        refused++;
      }
    }), { numRuns: 150 });
    expect(refused).toBeGreaterThan(0);
    for (const cut of [0, 4, good.length >> 1, good.length - 9]) {
      await expect(decodeAggPartial(good.subarray(0, cut), 'cut.parquet')).rejects.toThrow(/^cut\.parquet: /);
    }
  });

  it('a Parquet file that is not a partial, or of another schema, is refused with its name', async () => {
    const other = new Uint8Array(parquetWriteBuffer({ columnData: [{ name: 'x', data: [1, 2], type: 'INT32' }] }));
    await expect(decodeAggPartial(other, 'other.parquet')).rejects.toThrow('other.parquet: not a wiretrace aggregation partial');
    const s = makeStore();
    s.vars[0]!.addN(['a', 1], 1);
    const text = Buffer.from(encode(s)).toString('latin1');
    const at = text.indexOf('wiretrace.schema') + 'wiretrace.schema'.length;
    const b = Buffer.from(text, 'latin1');
    // The value follows its thrift field header and length (one byte each): "1" -> "9", the same length.
    expect(b[at + 2]).toBe(0x31);
    b[at + 2] = 0x39;
    await expect(decodeAggPartial(b, 'v9.parquet')).rejects.toThrow('v9.parquet: damaged');
    await expect(decodeAggPartial(seal(b), 'v9.parquet')).rejects.toThrow('v9.parquet: partial schema 9, this wiretrace reads schema 1');
  });
});
