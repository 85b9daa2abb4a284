/**
 * Aggregation snapshots as CSV, JSON and text. The text follows dtrace's
 * default layout for printa without a format (keys left-aligned after two
 * spaces, the value right-aligned; distributions as value/count rows); the
 * Output tab remains the authority for byte-exact dtrace text.
 */
import type { AggSnapshotEvent } from '../../engine/events.ts';

const csvCell = (v: string | number): string => {
  const s = String(v);
  // Quote as RFC 4180; a leading = + - @ is prefixed so spreadsheets do not run it as a formula.
  const safe = /^[=+\-@]/.test(s) && typeof v === 'string' ? `'${s}` : s;
  return /[",\n\r]/.test(safe) || safe !== s ? `"${safe.replace(/"/g, '""')}"` : safe;
};

export function aggToCsv(a: AggSnapshotEvent): string {
  const nkeys = Math.max(0, ...a.rows.map((r) => r.key.length));
  const hasBuckets = a.rows.some((r) => r.buckets);
  const head = [...Array.from({ length: nkeys }, (_, i) => `key${i + 1}`), ...(hasBuckets ? ['bucket', 'count'] : [a.func])];
  const lines = [head.join(',')];
  for (const r of a.rows) {
    const keys = Array.from({ length: nkeys }, (_, i) => csvCell(r.key[i] ?? ''));
    if (r.buckets) for (const b of r.buckets) lines.push([...keys, csvCell(b.lo), csvCell(b.count)].join(','));
    else lines.push([...keys, csvCell(r.value)].join(','));
  }
  return lines.join('\n') + '\n';
}

export function aggToJson(a: AggSnapshotEvent): string {
  return JSON.stringify({ name: a.name, func: a.func, tsNs: a.tsNs, rows: a.rows }, null, 2) + '\n';
}

export function aggToText(a: AggSnapshotEvent): string {
  const out: string[] = [''];
  for (const r of a.rows) {
    if (r.buckets) {
      if (r.key.length) out.push(`  ${r.key.join('  ')}`);
      out.push(`${'value'.padStart(18)}  ------------- Distribution ------------- count`);
      const total = r.buckets.reduce((s, b) => s + b.count, 0) || 1;
      for (const b of r.buckets) {
        const n = Math.round((b.count / total) * 40);
        out.push(`${b.lo.padStart(18)} |${'@'.repeat(n).padEnd(40)} ${b.count}`);
      }
      out.push('');
    } else {
      const keys = r.key.map((k) => (typeof k === 'number' ? String(k).padStart(16) : `${k}`.padEnd(50))).join(' ');
      out.push(`  ${keys}${String(r.value).padStart(r.key.length ? 17 : 18)}`);
    }
  }
  return out.join('\n') + '\n';
}
