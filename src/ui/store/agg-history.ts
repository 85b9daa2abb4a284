/**
 * The run's aggregation snapshots as the Aggregations tab keeps them, bounded:
 * a tick clause that printa()s every second over a day of capture sends
 * 86,400 snapshots. The tab shows each aggregation's last snapshot as a table,
 * and a time series only from snapshots of at most SERIES_ROWS rows, so
 * older snapshots with more rows are never shown and are not kept; a series
 * keeps its last MAX_SNAPSHOTS points.
 */
import type { AggSnapshotEvent } from '../../engine/events.ts';

/** A time chart is drawn when the last snapshot has at most this many rows (AggregationsView). */
export const SERIES_ROWS = 8;
/** Snapshots kept per aggregation at most. */
export const MAX_SNAPSHOTS = 1000;

/** `list` with `e` added, older snapshots of the same aggregation dropped as above. */
export function addSnapshot(list: readonly AggSnapshotEvent[], e: AggSnapshotEvent): AggSnapshotEvent[] {
  let same = 0;
  for (const s of list) if (s.name === e.name && s.rows.length <= SERIES_ROWS) same++;
  let drop = e.rows.length > SERIES_ROWS ? Number.POSITIVE_INFINITY : Math.max(0, same + 1 - MAX_SNAPSHOTS);
  const out: AggSnapshotEvent[] = [];
  for (const s of list) {
    if (s.name === e.name) {
      if (s.rows.length > SERIES_ROWS) continue;
      if (drop > 0) { drop--; continue; }
    }
    out.push(s);
  }
  out.push(e);
  return out;
}
