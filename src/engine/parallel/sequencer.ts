/**
 * Puts one epoch's output back in capture order: every shard's text and
 * messages (each tagged with the frame that made it, see shard.ts) and the
 * coordinator's own actions (tick firings, each placed before the frame
 * whose time passed the tick) are interleaved by frame number. A frame
 * belongs to one shard, so frames never tie between shards; an action at
 * frame f goes before any shard output of frame f; within a shard, order is
 * kept as emitted. Runs of one shard's output with nothing of another's in
 * between are handed over as one piece of text.
 */
import type { EngineEvent } from '../events.ts';
import type { TaggedEvent } from './protocol.ts';

export interface ShardOutput { text: string; marks: Float64Array; events: TaggedEvent[] }

export interface SeqSink {
  text(t: string): void;
  event(e: EngineEvent): void;
  /** Runs the coordinator's action; false when the run stopped there (exit): the rest is dropped. */
  action(index: number): boolean;
}

/** One shard's items, in order: text [start, end) or an event, each with its frame. */
interface Cursor {
  out: ShardOutput;
  mi: number;
  ei: number;
  pos: number;
}

function nextFrame(c: Cursor): number {
  const m = c.out.marks, ev = c.out.events;
  const mf = c.mi < m.length ? m[c.mi]! : Infinity;
  const ef = c.ei < ev.length ? ev[c.ei]!.frame : Infinity;
  return mf < ef ? mf : ef;
}

/**
 * Sequences the outputs and the actions (`actionFrames[i]`: the frame action
 * i goes before, non-decreasing). Returns false when an action stopped the run.
 */
export function sequence(outputs: readonly ShardOutput[], actionFrames: readonly number[], sink: SeqSink): boolean {
  const cs: Cursor[] = outputs.map((out) => ({ out, mi: 0, ei: 0, pos: 0 }));
  let ai = 0;
  for (;;) {
    // The source with the smallest next frame; actions win ties.
    let best = -1;
    let bf = Infinity;
    for (let i = 0; i < cs.length; i++) {
      const f = nextFrame(cs[i]!);
      if (f < bf) { bf = f; best = i; }
    }
    const af = ai < actionFrames.length ? actionFrames[ai]! : Infinity;
    if (af === Infinity && best < 0) return true;
    if (af <= bf) {
      if (!sink.action(ai++)) return false;
      continue;
    }
    // Take this shard's items up to (not including) the next frame of anyone else.
    let limit = af;
    for (let i = 0; i < cs.length; i++) if (i !== best) { const f = nextFrame(cs[i]!); if (f < limit) limit = f; }
    drain(cs[best]!, limit, sink);
  }
}

function drain(c: Cursor, limit: number, sink: SeqSink): void {
  const { text, marks, events } = c.out;
  // Text [from, c.pos) is consumed but not yet handed over: runs of marks become one piece.
  let from = c.pos;
  for (;;) {
    const mf = c.mi < marks.length ? marks[c.mi]! : Infinity;
    const ev = c.ei < events.length ? events[c.ei]! : undefined;
    const ef = ev !== undefined ? ev.frame : Infinity;
    if (mf >= limit && ef >= limit) break;
    // An event goes before its frame's mark when it came before that frame's text ended.
    if (ev !== undefined && (ef < mf || (ef === mf && ev.at <= marks[c.mi + 1]!))) {
      if (ev.at > from) { sink.text(text.slice(from, ev.at)); from = ev.at; }
      if (ev.at > c.pos) c.pos = ev.at;
      sink.event(ev.event);
      c.ei++;
      continue;
    }
    c.pos = marks[c.mi + 1]!;
    c.mi += 2;
  }
  if (c.pos > from) sink.text(text.slice(from, c.pos));
}
