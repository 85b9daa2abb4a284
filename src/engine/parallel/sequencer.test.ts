/**
 * Random firing traces split over shards, each shard's output recorded as
 * shard.ts records it (text, marks, tagged events), sequenced back: the
 * result must be the one-thread order — texts, messages and coordinator
 * actions exactly as they came, and nothing after an action that stops.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { sequence, type ShardOutput } from './sequencer.ts';
import type { TaggedEvent } from './protocol.ts';

type Out = { t: 'text'; s: string } | { t: 'msg'; s: string };

/** A trace: per frame its outputs and its shard; actions before some frames (stop: an exit). */
interface Trace { frames: { shard: number; outs: Out[] }[]; actions: { before: number; stop: boolean }[] }

const outArb: fc.Arbitrary<Out> = fc.oneof(
  { weight: 4, arbitrary: fc.string({ minLength: 0, maxLength: 6 }).map((s) => ({ t: 'text' as const, s })) },
  { weight: 1, arbitrary: fc.string({ minLength: 1, maxLength: 4 }).map((s) => ({ t: 'msg' as const, s })) },
);

const traceArb = (n: number): fc.Arbitrary<Trace> => fc.record({
  frames: fc.array(fc.record({ shard: fc.integer({ min: 0, max: n - 1 }), outs: fc.array(outArb, { maxLength: 4 }) }), { maxLength: 40 }),
  actions: fc.array(fc.record({ before: fc.integer({ min: 1, max: 41 }), stop: fc.boolean() }), { maxLength: 5 }),
}).map((t) => ({ ...t, actions: [...t.actions].sort((a, b) => a.before - b.before) }));

/** Expected: the one-thread stream, adjacent texts joined. */
function expected(tr: Trace): string[] {
  const items: string[] = [];
  const push = (s: string): void => { items.push(s); };
  let ai = 0;
  for (let f = 1; f <= tr.frames.length + 1; f++) {
    while (ai < tr.actions.length && tr.actions[ai]!.before <= f) {
      push(`A${ai}`);
      if (tr.actions[ai]!.stop) return join(items);
      ai++;
    }
    const fr = tr.frames[f - 1];
    if (fr) for (const o of fr.outs) push(o.t === 'text' ? `T${o.s}` : `M${o.s}`);
  }
  while (ai < tr.actions.length) { push(`A${ai}`); if (tr.actions[ai]!.stop) break; ai++; }
  return join(items);
}

function join(items: string[]): string[] {
  const out: string[] = [];
  for (const it of items) {
    if (it === 'T') continue;
    const last = out[out.length - 1];
    if (it[0] === 'T' && last !== undefined && last[0] === 'T') out[out.length - 1] = last + it.slice(1);
    else out.push(it);
  }
  return out;
}

/** What each shard would report (shard.ts: marks after each frame that printed, events tagged with frame and offset). */
function outputs(tr: Trace, n: number): ShardOutput[] {
  const res: { text: string; marks: number[]; events: TaggedEvent[] }[] = Array.from({ length: n }, () => ({ text: '', marks: [], events: [] }));
  tr.frames.forEach((fr, i) => {
    const o = res[fr.shard]!;
    const before = o.text.length;
    for (const x of fr.outs) {
      if (x.t === 'text') o.text += x.s;
      else o.events.push({ frame: i + 1, at: o.text.length, event: { kind: 'message', level: 'error', text: x.s } });
    }
    if (o.text.length !== before) o.marks.push(i + 1, o.text.length);
  });
  return res.map((o) => ({ text: o.text, marks: Float64Array.from(o.marks), events: o.events }));
}

function run(tr: Trace, n: number): string[] {
  const got: string[] = [];
  sequence(outputs(tr, n), tr.actions.map((a) => a.before), {
    text: (t) => got.push(`T${t}`),
    event: (e) => got.push(`M${e.kind === 'message' ? e.text : ''}`),
    action: (i) => { got.push(`A${i}`); return !tr.actions[i]!.stop; },
  });
  return join(got);
}

describe('sequencing shard output back into capture order', () => {
  it('any split over 1 to 5 shards gives the one-thread order', () => {
    for (let n = 1; n <= 5; n++) {
      fc.assert(fc.property(traceArb(n), (tr) => { expect(run(tr, n)).toEqual(expected(tr)); }), { numRuns: 300 });
    }
  });
  it('a message between two texts of one frame stays between them', () => {
    const tr: Trace = { frames: [{ shard: 1, outs: [{ t: 'text', s: 'a' }, { t: 'msg', s: 'E' }, { t: 'text', s: 'b' }] }, { shard: 0, outs: [{ t: 'text', s: 'c' }] }], actions: [] };
    expect(run(tr, 2)).toEqual(['Ta', 'ME', 'Tbc']);
  });
  it('a run of one shard with nothing else in between is one piece', () => {
    const pieces: string[] = [];
    const tr: Trace = { frames: [1, 2, 3].map(() => ({ shard: 0, outs: [{ t: 'text', s: 'x\n' }] })), actions: [] };
    sequence(outputs(tr, 2), [], { text: (t) => pieces.push(t), event: () => undefined, action: () => true });
    expect(pieces).toEqual(['x\nx\nx\n']);
  });
});
