/**
 * The agreement check of `npm run bench`: the per-source counts printed by
 * wiretrace (dtrace's aggregation format: key, then count, one a line) and
 * by `uniq -c` / the tcpdump awk (count, then key) are parsed into maps and
 * compared address by address, so a fast but wrong row cannot pass unseen.
 */

/** Parses lines of "ADDR COUNT" or "COUNT ADDR" (whichever field is all digits is the count). */
export function parseCounts(text: string): Map<string, number> {
  const m = new Map<string, number>();
  for (const line of text.split('\n')) {
    const f = line.trim().split(/\s+/);
    if (f.length !== 2) continue;
    const [a, b] = f as [string, string];
    const [key, n] = /^\d+$/.test(b) && !/^\d+$/.test(a) ? [a, Number(b)] : /^\d+$/.test(a) ? [b, Number(a)] : ['', NaN];
    if (key === '' || Number.isNaN(n)) continue;
    m.set(key, (m.get(key) ?? 0) + n);
  }
  return m;
}

/** One line: "counts agree" or what differs (first few addresses shown). */
/**
 * `onlyOursNote` explains sources only wiretrace may see (layers the tool does
 * not decode): with it, those are reported but do not make the counts differ.
 */
export function compareCounts(ours: Map<string, number>, theirs: Map<string, number>, tool: string, onlyOursNote = ''): string {
  let total = 0;
  for (const n of ours.values()) total += n;
  const diffs: string[] = [];
  let missing = 0;
  let missingPackets = 0;
  for (const [k, n] of ours) {
    const t = theirs.get(k);
    if (t === undefined) { missing++; missingPackets += n; continue; }
    if (t !== n) diffs.push(`${k}: ${n} vs ${t}`);
  }
  let extra = 0;
  for (const k of theirs.keys()) if (!ours.has(k)) extra++;
  const head = `${tool}: ${ours.size} sources, ${total.toLocaleString('en-US')} IP headers`;
  if (diffs.length === 0 && missing === 0 && extra === 0) return `${head}: counts agree`;
  if (diffs.length === 0 && extra === 0 && onlyOursNote !== '') {
    return `${head}: counts agree on all ${theirs.size} sources ${tool} saw; ${missing} more sources (${missingPackets} headers) are ${onlyOursNote}`;
  }
  return `${head}: counts DIFFER: ${diffs.length} sources with other counts${diffs.length ? ` (${diffs.slice(0, 3).join('; ')})` : ''}, ` +
    `${missing} sources (${missingPackets} headers) only wiretrace saw, ${extra} only ${tool} saw`;
}
