/**
 * Merging aggregation state, as libdtrace's consumer merges the per-CPU
 * aggregation buffers it snapshots (dt_aggregate.c: dt_aggregate_snap_cpu
 * looks each record's key up in the consumer's hash and, when found, folds
 * the new data in with the function's aggregator):
 *
 *   count, sum          add (int64, wrapping)           dt_aggregate_count / _sum
 *   avg                 add the count and the sum       dt_aggregate_average
 *   stddev              add count, sum, and the 128-bit sum of squares
 *                                                       dt_aggregate_stddev
 *   min / max           keep the smaller / larger       dt_aggregate_min / _max
 *   quantize family     add bucket by bucket            dt_aggregate_quantize, _lquantize, _llquantize
 *
 * Keys must match exactly (dt_aggregate_hashcmp compares the key bytes);
 * here a key tuple is canonical values (integers as canonical DInt, strings
 * as byte strings), so equal tuples find the same AggEntry. Everything that
 * happens after the snapshot — sorting, printa, normalize, trunc, clear — is
 * the consumer's and runs on the merged state, never on a part.
 *
 * A *delta* is what a part holds since it last handed its state over: the
 * part's store is emptied when the delta is taken (as the kernel's buffer is
 * consumed by a snapshot), so merging deltas in any order gives the state
 * one buffer would have held. Deltas are plain data (structured-clone safe):
 * they cross worker boundaries and are written to Parquet partials.
 */
import type { DInt } from './int64.ts';
import * as I from './int64.ts';
import type { AggEntry, AggFunc, AggParams, AggStore, AggVar, KeyVal } from './aggregate.ts';

/** One entry's mergeable state. Only the fields its function uses are meaningful. */
export interface AggEntryState {
  keys: KeyVal[];
  /** count, sum, min, max; avg and stddev: the sum of the values. */
  v: DInt;
  /** avg and stddev: how many values. */
  n: DInt;
  /** stddev: the sum of squares of |value|, modulo 2^128. */
  sq: bigint;
  /** quantize family: bucket counts (dense, the variable's nbuckets). */
  buckets: DInt[] | null;
}

/** One aggregation's entries, with what identifies it across parts. */
export interface AggVarState {
  /** Index in AggStore.vars (the same in every part: one compile, one order). */
  index: number;
  name: string;
  func: AggFunc;
  params: AggParams;
  entries: AggEntryState[];
}

export interface AggDelta {
  vars: AggVarState[];
  /** Entries a part could not store (aggsize), counted as drops there. */
  drops: number;
}

const U128 = (1n << 128n) - 1n;

/** The state of one entry (a copy: the entry may be reused or removed afterwards). */
export function entryState(e: AggEntry): AggEntryState {
  return { keys: e.keys.slice(), v: e.v, n: e.n, sq: e.sq, buckets: e.buckets ? e.buckets.slice() : null };
}

/**
 * Takes what `store` holds as a delta and empties it (entries removed, their
 * aggsize budget released), so the next delta holds only what comes after.
 * Variables without entries are left out.
 */
export function takeDelta(store: AggStore): AggDelta {
  const vars: AggVarState[] = [];
  store.vars.forEach((v, index) => {
    if (v.entries.size === 0) return;
    const entries: AggEntryState[] = [];
    for (const e of [...v.entries.values()]) {
      entries.push({ keys: e.keys, v: e.v, n: e.n, sq: e.sq, buckets: e.buckets });
      v.remove(e);
    }
    vars.push({ index, name: v.name, func: v.func, params: v.params, entries });
  });
  return { vars, drops: store.takeDrops() };
}

/** A delta of `store` without emptying it (copies). */
export function snapshotDelta(store: AggStore): AggDelta {
  const vars: AggVarState[] = [];
  store.vars.forEach((v, index) => {
    if (v.entries.size === 0) return;
    vars.push({ index, name: v.name, func: v.func, params: v.params, entries: [...v.entries.values()].map(entryState) });
  });
  return { vars, drops: 0 };
}

/** Folds `src` into `dst` with the function's aggregator (dst and src belong to the same variable `a`). */
export function mergeInto(a: AggVar, dst: AggEntry, src: AggEntryState): void {
  switch (a.func) {
    case 'count': case 'sum':
      dst.v = I.add(dst.v, src.v, 8, true);
      break;
    case 'min':
      if (src.v < dst.v) dst.v = src.v;
      break;
    case 'max':
      if (src.v > dst.v) dst.v = src.v;
      break;
    case 'avg':
      dst.n = I.add(dst.n, src.n, 8, true);
      dst.v = I.add(dst.v, src.v, 8, true);
      break;
    case 'stddev':
      dst.n = I.add(dst.n, src.n, 8, true);
      dst.v = I.add(dst.v, src.v, 8, true);
      dst.sq = (dst.sq + src.sq) & U128;
      break;
    case 'quantize': case 'lquantize': case 'llquantize': {
      const d = dst.buckets!, s = src.buckets!;
      for (let i = 0; i < d.length; i++) { const c = s[i]; if (c) d[i] = I.add(d[i]!, c, 8, true); }
      break;
    }
  }
}

/** Why a delta does not fit a store: a message, or '' when it fits. */
export function deltaMismatch(store: AggStore, delta: AggDelta): string {
  for (const s of delta.vars) {
    const v = store.vars[s.index];
    if (v === undefined || v.name !== s.name) return `no aggregation @${s.name} at position ${s.index + 1}`;
    if (v.func !== s.func) return `@${s.name} is ${v.func}() here, ${s.func}() there`;
    if (!sameParams(v.params, s.params)) return `@${s.name} has other ${v.func}() parameters`;
    for (const e of s.entries) {
      if (e.keys.length !== v.keyTypes.length) return `@${s.name} has ${v.keyTypes.length} keys here, ${e.keys.length} there`;
      if (v.nbuckets > 0 && (e.buckets === null || e.buckets.length !== v.nbuckets)) return `@${s.name} has ${v.nbuckets} buckets here, ${e.buckets?.length ?? 0} there`;
      for (let k = 0; k < e.keys.length; k++) {
        const t = v.keyTypes[k]!;
        const isStr = typeof e.keys[k] === 'string';
        if ((t.kind === 'string' || t.kind === 'stack') !== isStr && t.kind !== 'other') return `@${s.name} key #${k + 1} has another type there`;
      }
    }
  }
  return '';
}

function sameParams(a: AggParams, b: AggParams): boolean {
  return a.low === b.low && a.high === b.high && a.step === b.step && a.factor === b.factor &&
    a.lmag === b.lmag && a.hmag === b.hmag && a.nsteps === b.nsteps;
}

/**
 * Merges a delta into `store` (the consumer's merged state). Keys new to the
 * store are created as a firing would create them (counting against aggsize:
 * a merged state larger than aggsize drops entries as one buffer would).
 * The caller checks deltaMismatch first when the delta is not trusted.
 */
export function mergeDelta(store: AggStore, delta: AggDelta): void {
  for (const s of delta.vars) {
    const v = store.vars[s.index]!;
    for (const e of s.entries) {
      const dst = v.entryN(e.keys);
      if (dst !== null) mergeInto(v, dst, e);
    }
  }
  store.drops += delta.drops;
}
