/**
 * Turns hosts.d's four aggregations into one row per host. Pure data: the
 * numbers are exactly the engine's (the same script gives the same numbers on
 * the command line).
 */
import type { AggSnapshotEvent } from '../../engine/events.ts';

export interface HostRow { host: string; sentPkts: number; sentBytes: number; recvPkts: number; recvBytes: number }

const FIELDS: Record<string, keyof Omit<HostRow, 'host'>> = {
  sent_pkts: 'sentPkts', sent_bytes: 'sentBytes', recv_pkts: 'recvPkts', recv_bytes: 'recvBytes',
};

/** The last snapshot of each aggregation wins (a later printa supersedes an earlier one). */
export function hostRows(aggs: readonly AggSnapshotEvent[]): HostRow[] {
  const latest = new Map<string, AggSnapshotEvent>();
  for (const a of aggs) latest.set(a.name.replace(/^@/, ''), a);
  const hosts = new Map<string, HostRow>();
  for (const [name, snap] of latest) {
    const field = FIELDS[name];
    if (!field) continue;
    for (const r of snap.rows) {
      const host = String(r.key[0] ?? '');
      let row = hosts.get(host);
      if (!row) { row = { host, sentPkts: 0, sentBytes: 0, recvPkts: 0, recvBytes: 0 }; hosts.set(host, row); }
      row[field] = Number(r.value);
    }
  }
  return [...hosts.values()].sort((a, b) => b.sentPkts + b.recvPkts - (a.sentPkts + a.recvPkts) || a.host.localeCompare(b.host));
}
