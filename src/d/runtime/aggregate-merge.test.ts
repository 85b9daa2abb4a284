/**
 * Merge rules of every aggregating function (dt_aggregate.c): a firing
 * stream split over N buffers and merged must print what one buffer prints,
 * whatever the split and however often the parts hand their deltas over;
 * consumer actions (clear, trunc, normalize) applied to the merged state at
 * a point of the stream must equal the same action in one buffer there.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { AggStore, truncate, type AggFunc, type AggKeyType, type AggParams, type KeyVal } from './aggregate.ts';
import { deltaMismatch, mergeDelta, snapshotDelta, takeDelta, type AggDelta } from './aggregate-merge.ts';
import { formatAggRows } from '../format/printa.ts';
import type { DInt } from './int64.ts';

interface Def { name: string; func: AggFunc; keys: AggKeyType[]; params: AggParams }

const INT: AggKeyType = { kind: 'int', size: 8, signed: true };
const INT32: AggKeyType = { kind: 'int', size: 4, signed: true };
const STR: AggKeyType = { kind: 'string', size: 256 };

const DEFS: Def[] = [
  { name: 'c', func: 'count', keys: [STR], params: {} },
  { name: 's', func: 'sum', keys: [INT], params: {} },
  { name: 'a', func: 'avg', keys: [], params: {} },
  { name: 'sd', func: 'stddev', keys: [STR, INT32], params: {} },
  { name: 'mn', func: 'min', keys: [INT32], params: {} },
  { name: 'mx', func: 'max', keys: [INT32], params: {} },
  { name: 'q', func: 'quantize', keys: [STR], params: {} },
  { name: 'lq', func: 'lquantize', keys: [], params: { low: -50, high: 150, step: 10 } },
  { name: 'llq', func: 'llquantize', keys: [INT], params: { factor: 10, lmag: 0, hmag: 6, nsteps: 20 } },
];

function makeStore(defs: readonly Def[] = DEFS): AggStore {
  const s = new AggStore();
  for (const d of defs) s.define(d.name, d.func, d.keys, d.params);
  return s;
}

/** One firing: which aggregation, its key tuple, value and increment. */
interface Firing { agg: number; keys: KeyVal[]; v: DInt; incr: DInt }

const keyArb = (t: AggKeyType): fc.Arbitrary<KeyVal> =>
  t.kind === 'string' ? fc.constantFrom('10.0.0.1', '10.0.0.2', 'fe80::1', '', 'x'.repeat(40))
    : t.size === 4 ? fc.integer({ min: -3, max: 3 })
      : fc.oneof(fc.integer({ min: -5, max: 5 }), fc.constantFrom<KeyVal>(9007199254740993n, -9223372036854775808n));

const valueArb: fc.Arbitrary<DInt> = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: -1000, max: 100000 }) },
  { weight: 1, arbitrary: fc.constantFrom<DInt>(0, 1, -1, 9007199254740993n, 9223372036854775807n, -9223372036854775808n, 4611686018427387904n) },
);

const firingArb: fc.Arbitrary<Firing> = fc.integer({ min: 0, max: DEFS.length - 1 }).chain((agg) => fc.record({
  agg: fc.constant(agg),
  keys: fc.tuple(...DEFS[agg]!.keys.map(keyArb)) as fc.Arbitrary<KeyVal[]>,
  v: valueArb,
  incr: fc.oneof({ weight: 5, arbitrary: fc.constant<DInt>(1) }, { weight: 1, arbitrary: fc.integer({ min: -3, max: 5 }) }),
}));

function fire(s: AggStore, f: Firing): void {
  s.vars[f.agg]!.addN(f.keys, f.v, f.incr);
}

/** What the consumer would print (formatAggRows does not mark the variables printed, so it can be called again). */
function printed(s: AggStore): string {
  return s.vars.map((v) => `@${v.name}:${formatAggRows(v)}`).join('');
}

describe('merge rules of each aggregating function (dt_aggregate.c)', () => {
  const one = (func: AggFunc, params: AggParams, values: DInt[][]): string => {
    const parts = values.map((vs) => { const s = makeStore([{ name: 'x', func, keys: [], params }]); for (const v of vs) s.vars[0]!.add0(v); return s; });
    const m = makeStore([{ name: 'x', func, keys: [], params }]);
    for (const p of parts) mergeDelta(m, takeDelta(p));
    return formatAggRows(m.vars[0]!);
  };
  const single = (func: AggFunc, params: AggParams, values: DInt[]): string => {
    const s = makeStore([{ name: 'x', func, keys: [], params }]);
    for (const v of values) s.vars[0]!.add0(v);
    return formatAggRows(s.vars[0]!);
  };
  const cases: [AggFunc, AggParams][] = [
    ['count', {}], ['sum', {}], ['avg', {}], ['stddev', {}], ['min', {}], ['max', {}], ['quantize', {}],
    ['lquantize', { low: 0, high: 100, step: 10 }], ['lquantize', { low: -1000, high: 1000, step: 250 }],
    ['llquantize', { factor: 10, lmag: 0, hmag: 6, nsteps: 20 }], ['llquantize', { factor: 2, lmag: 2, hmag: 10, nsteps: 4 }],
  ];
  for (const [func, params] of cases) {
    it(`${func}(${Object.values(params).join(', ')})`, () => {
      const a = [3, -7, 1024, 0, 99], b = [-1, 5000000, 12], c: DInt[] = [];
      expect(one(func, params, [a, b, c])).toBe(single(func, params, [...a, ...b]));
    });
  }

  it('count and sum wrap at 64 bits as one buffer does', () => {
    expect(one('sum', {}, [[9223372036854775807n], [1]])).toBe(single('sum', {}, [9223372036854775807n, 1]));
    expect(one('sum', {}, [[-9223372036854775808n], [-1]])).toBe(single('sum', {}, [-9223372036854775808n, -1]));
  });

  it("stddev keeps its 128-bit sum of squares exact across parts", () => {
    const big: DInt[] = [9223372036854775807n, -9223372036854775808n, 3037000499, 123456789012];
    expect(one('stddev', {}, [[big[0]!, big[2]!], [big[1]!], [big[3]!]])).toBe(single('stddev', {}, big));
    const s = makeStore([{ name: 'x', func: 'stddev', keys: [], params: {} }]);
    for (const v of big) s.vars[0]!.add0(v);
    const m = makeStore([{ name: 'x', func: 'stddev', keys: [], params: {} }]);
    for (const v of big) { const p = makeStore([{ name: 'x', func: 'stddev', keys: [], params: {} }]); p.vars[0]!.add0(v); mergeDelta(m, takeDelta(p)); }
    const want = [...s.vars[0]!.entries.values()][0]!, got = [...m.vars[0]!.entries.values()][0]!;
    expect(got.sq).toBe(want.sq);
    expect(got.sq > 2n ** 64n).toBe(true);
  });

  it('min and max compare signed values, whatever part saw them first', () => {
    for (const func of ['min', 'max'] as const) {
      expect(one(func, {}, [[5, 7], [-9223372036854775808n], [9223372036854775807n]]))
        .toBe(single(func, {}, [5, 7, -9223372036854775808n, 9223372036854775807n]));
      expect(one(func, {}, [[-3], [-2], [-1]])).toBe(single(func, {}, [-3, -2, -1]));
    }
  });

  it('min/max over signed keys sort as one buffer sorts them', () => {
    const def: Def[] = [{ name: 'm', func: 'min', keys: [INT32], params: {} }];
    const whole = makeStore(def), a = makeStore(def), b = makeStore(def), m = makeStore(def);
    const fs: [number, number][] = [[-1, 10], [2, -5], [-2147483648, 7], [2147483647, 7], [-1, -20]];
    fs.forEach(([k, v], i) => { whole.vars[0]!.add1(k, v); (i % 2 ? a : b).vars[0]!.add1(k, v); });
    mergeDelta(m, takeDelta(b));
    mergeDelta(m, takeDelta(a));
    expect(printed(m)).toBe(printed(whole));
  });

  it('empty aggregations: parts with nothing change nothing, and nothing prints', () => {
    const m = makeStore();
    for (let i = 0; i < 3; i++) mergeDelta(m, takeDelta(makeStore()));
    expect(printed(m)).toBe(printed(makeStore()));
    expect(m.vars.every((v) => v.entries.size === 0)).toBe(true);
    expect(takeDelta(makeStore()).vars).toEqual([]);
  });

  it('taking a delta empties the part and releases its aggsize budget', () => {
    const s = makeStore();
    s.vars[0]!.add1('a', 0);
    expect(s.used).toBeGreaterThan(0);
    const d = takeDelta(s);
    expect(d.vars[0]!.entries).toHaveLength(1);
    expect(s.used).toBe(0);
    expect(s.vars[0]!.entries.size).toBe(0);
    s.vars[0]!.add1('a', 0);
    expect(takeDelta(s).vars[0]!.entries[0]!.v).toBe(1);
  });

  it('a merged state larger than aggsize drops entries and counts the drops', () => {
    const def: Def[] = [{ name: 'c', func: 'count', keys: [INT], params: {} }];
    const m = makeStore(def);
    const entry = m.vars[0]!.entryBytes;
    m.limit = entry * 2;
    const p = makeStore(def);
    for (let k = 0; k < 3; k++) p.vars[0]!.add1(k, 0);
    mergeDelta(m, takeDelta(p));
    expect(m.vars[0]!.entries.size).toBe(2);
    expect(m.takeDrops()).toBe(1);
  });

  it('refuses deltas of another program: names, functions, parameters, key counts', () => {
    const m = makeStore();
    const d = (over: Partial<AggDelta['vars'][0]>): AggDelta => ({ drops: 0, vars: [{ index: 0, name: 'c', func: 'count', params: {}, entries: [{ keys: ['x'], v: 1, n: 0, sq: 0n, buckets: null }], ...over }] });
    expect(deltaMismatch(m, d({}))).toBe('');
    expect(deltaMismatch(m, d({ name: 'z' }))).toMatch(/no aggregation @z/);
    expect(deltaMismatch(m, d({ func: 'sum' }))).toMatch(/count\(\) here, sum\(\) there/);
    expect(deltaMismatch(m, d({ entries: [{ keys: ['x', 'y'], v: 1, n: 0, sq: 0n, buckets: null }] }))).toMatch(/1 keys here, 2 there/);
    expect(deltaMismatch(m, d({ entries: [{ keys: [3], v: 1, n: 0, sq: 0n, buckets: null }] }))).toMatch(/key #1/);
    expect(deltaMismatch(m, { drops: 0, vars: [{ index: 7, name: 'lq', func: 'lquantize', params: { low: 0, high: 10, step: 1 }, entries: [] }] })).toMatch(/parameters/);
    expect(deltaMismatch(m, { drops: 0, vars: [{ index: 6, name: 'q', func: 'quantize', params: {}, entries: [{ keys: ['a'], v: 0, n: 0, sq: 0n, buckets: [1, 2] }] }] })).toMatch(/127 buckets/);
  });
});

describe('property: a firing stream split across N buffers merges to one buffer', () => {
  it('any split, any number of hand-overs, any merge order', () => {
    fc.assert(fc.property(
      fc.array(firingArb, { maxLength: 120 }),
      fc.integer({ min: 1, max: 5 }),
      fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 120, maxLength: 120 }),
      fc.array(fc.boolean(), { minLength: 120, maxLength: 120 }),
      fc.boolean(),
      (firings, n, who, handOver, reverse) => {
        const whole = makeStore();
        const parts = Array.from({ length: n }, () => makeStore());
        const deltas: AggDelta[] = [];
        firings.forEach((f, i) => {
          fire(whole, f);
          const p = parts[who[i]! % n]!;
          fire(p, f);
          if (handOver[i]) deltas.push(takeDelta(p));
        });
        for (const p of parts) deltas.push(takeDelta(p));
        if (reverse) deltas.reverse();
        const merged = makeStore();
        for (const d of deltas) { expect(deltaMismatch(merged, d)).toBe(''); mergeDelta(merged, d); }
        expect(printed(merged)).toBe(printed(whole));
      },
    ), { numRuns: 300 });
  });

  it('clear, trunc and normalize on the merged state at a point of the stream equal the same in one buffer', () => {
    fc.assert(fc.property(
      fc.array(firingArb, { minLength: 1, maxLength: 80 }),
      fc.array(firingArb, { maxLength: 80 }),
      fc.integer({ min: 2, max: 4 }),
      fc.constantFrom('clear', 'trunc', 'normalize'),
      fc.integer({ min: -3, max: 3 }),
      (before, after, n, action, arg) => {
        const whole = makeStore();
        const merged = makeStore();
        const parts = Array.from({ length: n }, () => makeStore());
        const act = (s: AggStore): void => {
          for (const v of s.vars) {
            if (action === 'clear') v.clear();
            else if (action === 'trunc') { if (arg === 0) for (const e of [...v.entries.values()]) v.remove(e); else truncate(v, arg); }
            else v.normal = Math.abs(arg) + 1;
          }
        };
        before.forEach((f, i) => { fire(whole, f); fire(parts[i % n]!, f); });
        for (const p of parts) mergeDelta(merged, takeDelta(p));
        act(whole);
        act(merged);
        after.forEach((f, i) => { fire(whole, f); fire(parts[(i * 7) % n]!, f); });
        for (const p of parts) mergeDelta(merged, takeDelta(p));
        expect(printed(merged)).toBe(printed(whole));
      },
    ), { numRuns: 200 });
  });

  it('snapshotDelta copies without emptying, and merges like takeDelta', () => {
    fc.assert(fc.property(fc.array(firingArb, { maxLength: 60 }), (firings) => {
      const s = makeStore();
      for (const f of firings) fire(s, f);
      const before = printed(s);
      const m1 = makeStore(), m2 = makeStore();
      mergeDelta(m1, snapshotDelta(s));
      expect(printed(s)).toBe(before);
      mergeDelta(m2, takeDelta(s));
      expect(printed(m1)).toBe(printed(m2));
    }), { numRuns: 100 });
  });
});
