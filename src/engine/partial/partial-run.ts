/**
 * The two ends of aggregation partials in a run (run.ts calls these):
 *
 *  - `-x aggpartial`: at the end of the captures, instead of firing END and
 *    printing the aggregations, the run hands over each aggregation's
 *    mergeable state as a Parquet file (an AggPartialEvent; the CLI writes
 *    it to -o, the app offers it for download);
 *  - `--merge` (RunRequest.partials): no capture is read; BEGIN fires with
 *    its output discarded (it set the globals END may read), the partials
 *    are merged into the aggregations as per-CPU buffers are (dt_aggregate.c),
 *    and END fires: the output is what one run over all the captures prints
 *    from END on.
 *
 * Both need a program whose result does not depend on which capture a frame
 * was in: the compiler's verdict for workers (engine/parallel/plan.ts) is
 * exactly that, so a program that cannot be spread over workers cannot be
 * split into partials either, and is refused with the same reasons.
 */
import { deltaMismatch, mergeDelta, snapshotDelta } from '../../d/runtime/aggregate-merge.ts';
import { WIRETRACE_VERSION } from '../../version.ts';
import type { RunRequest } from '../api.ts';
import { planParallel } from '../parallel/plan.ts';
import type { Session } from '../session.ts';
import { decodeAggPartial, encodeAggPartial, PartialError, type PartialMeta } from './aggfile.ts';
import { scriptHash } from './identity.ts';

/** Why the program cannot be split into partials ('' when it can). `what`: the option, for the message. */
export function partialRefusal(s: Session, what: string): string {
  const plan = planParallel(s.compiled!);
  if (plan.parallel) return '';
  return `${what}: the program's result depends on the order of frames across captures, so partials cannot be merged:\n${plan.reasons.map((r) => `  ${r}`).join('\n')}`;
}

/**
 * The partial of this run (its aggregations as they stand), as an event.
 * `merged`: the captures of the partials a --merge read (with -x aggpartial
 * too, the merge writes a partial of them all: merges can form a tree).
 */
export function emitPartial(s: Session, req: RunRequest, merged: PartialMeta['captures'] = []): void {
  const delta = snapshotDelta(s.store);
  delta.drops = s.store.drops;
  const nkeys = Math.max(0, ...s.store.vars.map((v) => v.keyTypes.length));
  const bytes = encodeAggPartial(delta, nkeys, {
    version: WIRETRACE_VERSION,
    script: scriptHash(s.programs, req.options, s.store),
    captures: [...merged, ...req.captures.map((c) => ({ name: c.name, size: c.size ?? null }))],
    aggDrops: delta.drops,
  });
  s.emit({ kind: 'aggpartial', bytes });
}

/**
 * Merges every partial into the session's aggregations. Returns an error
 * message naming the file, or '' and (in `captures`) the captures they came from.
 */
export async function mergePartials(s: Session, req: RunRequest, captures: PartialMeta['captures'] = []): Promise<string> {
  const script = scriptHash(s.programs, req.options, s.store);
  for (const p of req.partials ?? []) {
    let part;
    try {
      part = await decodeAggPartial(p.bytes, p.name);
    } catch (e) {
      if (e instanceof PartialError) return e.message;
      throw e;
    }
    if (part.meta.version !== WIRETRACE_VERSION) return `${p.name}: written by wiretrace ${part.meta.version || '(unknown)'}, this is ${WIRETRACE_VERSION}: partials merge only within one version`;
    if (part.meta.script !== script) return `${p.name}: a partial of another script (or other -D definitions or macro arguments)`;
    const why = deltaMismatch(s.store, part.delta);
    if (why) return `${p.name}: does not fit the script: ${why}`;
    mergeDelta(s.store, part.delta);
    captures.push(...part.meta.captures);
  }
  return '';
}
