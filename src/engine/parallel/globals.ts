/**
 * What BEGIN leaves behind, handed from the coordinator to every shard: the
 * D variables (globals, associative arrays, thread-locals of BEGIN's
 * thread), the static memory of struct/array variables and strings taken
 * by address, the random generator's state, and the options (setopt() in
 * BEGIN changes how the shards format). Shards compiled the same program, so
 * variable slots and static regions have the same numbers and addresses.
 */
import type { Session } from '../session.ts';

export interface RuntimeSnapshot {
  globals: unknown[];
  assocs: (Map<unknown, unknown> | undefined)[];
  tls: (Map<unknown, unknown> | undefined)[];
  regions: { base: number; bytes: Uint8Array }[];
  nextRegion: number;
  randState: number;
  dynCount: number;
  dynTupleMax: number;
  dynValueMax: number;
  options: [string, string | undefined][];
}

/** The runtime's private allocation cursor (state.ts keeps it private; only this hand-over needs it). */
interface RegionCursor { nextRegion: number }
/** Session's cached quiet flag, reset when options are replaced. */
interface QuietCache { quietCache: boolean | undefined }

export function snapshotRuntime(s: Session): RuntimeSnapshot {
  const rt = s.rt;
  return {
    globals: rt.globals.slice(),
    assocs: rt.assocs.map((m) => (m === undefined ? undefined : new Map(m))),
    tls: rt.tls.map((m) => (m === undefined ? undefined : new Map(m))),
    regions: rt.regions.map((r) => ({ base: r.base, bytes: r.bytes.slice() })),
    nextRegion: (rt as unknown as RegionCursor).nextRegion,
    randState: rt.randState,
    dynCount: rt.dynCount,
    dynTupleMax: rt.dynTupleMax,
    dynValueMax: rt.dynValueMax,
    options: [...s.opts.entries()],
  };
}

/** Applies a snapshot to a shard's session; returns an error message when the layouts differ. */
export function restoreRuntime(s: Session, snap: RuntimeSnapshot): string {
  const rt = s.rt;
  for (let i = 0; i < snap.globals.length; i++) rt.globals[i] = snap.globals[i];
  // The compiled clauses hold these Maps: fill them in place.
  const fill = (into: Map<unknown, unknown>[], i: number, m: Map<unknown, unknown> | undefined): void => {
    if (m === undefined) return;
    const dst = (into[i] ??= new Map());
    dst.clear();
    for (const [k, v] of m) dst.set(k, v);
  };
  for (let i = 0; i < snap.assocs.length; i++) fill(rt.assocs, i, snap.assocs[i]);
  for (let i = 0; i < snap.tls.length; i++) fill(rt.tls, i, snap.tls[i]);
  for (let i = 0; i < snap.regions.length; i++) {
    const src = snap.regions[i]!;
    const dst = rt.regions[i];
    if (dst === undefined) {
      rt.regions.push({ base: src.base, bytes: src.bytes, view: new DataView(src.bytes.buffer, src.bytes.byteOffset, src.bytes.byteLength) });
      continue;
    }
    if (dst.base !== src.base || dst.bytes.length !== src.bytes.length) return `static memory differs at region ${i}`;
    dst.bytes.set(src.bytes);
  }
  (rt as unknown as RegionCursor).nextRegion = snap.nextRegion;
  rt.randState = snap.randState;
  rt.dynCount = snap.dynCount;
  rt.dynTupleMax = snap.dynTupleMax;
  rt.dynValueMax = snap.dynValueMax;
  s.opts.clear();
  for (const [k, v] of snap.options) s.opts.set(k, v);
  (s as unknown as QuietCache).quietCache = undefined;
  return '';
}
