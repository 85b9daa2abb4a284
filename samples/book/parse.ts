/**
 * Reading dtrace's text output back: lines (with the terminal's handling of
 * "\b", which tcpio.d and tcpsnoop.d use to erase their last "|"), printa
 * rows, and quantize() distributions.
 */

/**
 * Splits stdout into lines, applying backspaces as a terminal would, and
 * drops trailing blanks (left-justified last columns, like dtrace's own
 * "count    " in quantize, pad with spaces nobody sees).
 */
export function lines(out: string): string[] {
  const ls = out.split('\n');
  if (ls.length > 0 && ls[ls.length - 1] === '') ls.pop();
  return ls.map((l) => {
    if (!l.includes('\b')) return l.trimEnd();
    let s = '';
    for (const ch of l) s = ch === '\b' ? s.slice(0, -1) : s + ch;
    return s.trimEnd();
  });
}

export interface Distribution {
  /** The key line's fields (split on runs of two or more spaces). */
  key: string[];
  /** Bucket lower bound → count, every row as printed. */
  rows: Map<number, number>;
  total: number;
}

/** Every quantize()/lquantize() block of the output, in order. */
export function distributions(out: string): Distribution[] {
  const ls = lines(out);
  const res: Distribution[] = [];
  for (let i = 0; i < ls.length; i++) {
    if (!/^\s+value\s+-+ Distribution -+ count$/.test(ls[i]!)) continue;
    const keyLine = ls[i - 1] ?? '';
    const d: Distribution = { key: keyLine.trim().split(/\s{2,}/), rows: new Map(), total: 0 };
    for (i++; i < ls.length; i++) {
      const m = /^\s*(?:< )?(-?\d+) \|[@ ]*\s(\d+)$/.exec(ls[i]!);
      if (m === null) break;
      d.rows.set(Number(m[1]), Number(m[2]));
      d.total += Number(m[2]);
    }
    res.push(d);
  }
  return res;
}

/** quantize()'s bucket for a value: 0, or ±the largest power of two not above |v|. */
export function pow2Bucket(v: number): number {
  if (v === 0) return 0;
  const a = Math.abs(v);
  let b = 1;
  while (b * 2 <= a) b *= 2;
  return v < 0 ? -b : b;
}

/** The non-empty rows of a distribution, as bucket → count. */
export function nonZero(d: Distribution): Map<number, number> {
  const m = new Map<number, number>();
  for (const [k, v] of d.rows) if (v !== 0) m.set(k, v);
  return m;
}

/** Counts of a list of keys, as a sorted plain object (for readable diffs). */
export function tally(keys: readonly string[]): Record<string, number> {
  const m: Record<string, number> = {};
  for (const k of [...keys].sort()) m[k] = (m[k] ?? 0) + 1;
  return m;
}

export function sortedObject(m: Map<string, number>): Record<string, number> {
  const o: Record<string, number> = {};
  for (const k of [...m.keys()].sort()) o[k] = m.get(k)!;
  return o;
}

/** dtrace's non-quiet header line. */
export const DEFAULT_HEADER = /^CPU\s+ID\s+FUNCTION:NAME$/;
