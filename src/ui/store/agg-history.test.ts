import { describe, expect, it } from 'vitest';
import type { AggSnapshotEvent } from '../../engine/events.ts';
import { addSnapshot, MAX_SNAPSHOTS } from './agg-history.ts';

const snap = (name: string, rows: number, ts = 0): AggSnapshotEvent => ({
  kind: 'agg', name, func: 'count', tsNs: String(ts), rows: Array.from({ length: rows }, (_, i) => ({ key: [i], value: i })),
});

describe('the Aggregations tab keeps a bounded history', () => {
  it('keeps a series of small snapshots up to MAX_SNAPSHOTS, dropping the oldest', () => {
    let l: AggSnapshotEvent[] = [snap('other', 3)];
    for (let i = 0; i < MAX_SNAPSHOTS + 5; i++) l = addSnapshot(l, snap('a', 2, i));
    expect(l.filter((s) => s.name === 'a').length).toBe(MAX_SNAPSHOTS);
    expect(l.find((s) => s.name === 'a')!.tsNs).toBe('5');
    expect(l[0]!.name).toBe('other');
  });

  it('keeps only the last of snapshots too large for a series (the table shows the last)', () => {
    let l: AggSnapshotEvent[] = [];
    for (let i = 0; i < 50; i++) l = addSnapshot(l, snap('big', 100, i));
    expect(l.map((s) => s.tsNs)).toEqual(['49']);
    l = addSnapshot(addSnapshot(l, snap('big', 3, 50)), snap('big', 3, 51));
    expect(l.map((s) => s.tsNs)).toEqual(['50', '51']);
  });
});
