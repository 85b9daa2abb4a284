/**
 * Preprocessing tokens for the -C preprocessor. Text is split into
 * identifiers (with `$`, as GCC's cpp allows, so `$1` and `$target` pass
 * untouched), pp-numbers (`1sec` stays one token, so `tick-1sec` survives),
 * string and character literals, punctuators, white space and newlines.
 * Concatenating the tokens' texts gives back the input exactly, which keeps
 * D's space-sensitive probe descriptions intact through preprocessing.
 */

export type PPKind = 'id' | 'num' | 'str' | 'chr' | 'punct' | 'ws' | 'nl' | 'other';

export interface PPToken {
  kind: PPKind;
  text: string;
  /** Macros that must not expand this token again (the "hide set"). */
  hide?: ReadonlySet<string>;
  /** Set on a token produced by a macro expansion whose name must not expand further here (painted blue). */
  noexpand?: boolean;
}

const PUNCT3 = ['<<=', '>>=', '...'];
const PUNCT2 = ['##', '->', '++', '--', '<<', '>>', '<=', '>=', '==', '!=', '&&', '||', '^^', '+=', '-=', '*=', '/=', '%=', '&=', '^=', '|='];

function isIdStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || c === 36;
}
function isIdChar(c: number): boolean { return isIdStart(c) || (c >= 48 && c <= 57); }
function isDigit(c: number): boolean { return c >= 48 && c <= 57; }

/** Tokenizes one logical text (comments already replaced by white space). */
export function tokenize(s: string): PPToken[] {
  const out: PPToken[] = [];
  let i = 0;
  const n = s.length;
  while (i < n) {
    const c = s.charCodeAt(i);
    const st = i;
    if (c === 10) { out.push({ kind: 'nl', text: '\n' }); i++; continue; }
    if (c === 32 || c === 9 || c === 13 || c === 11 || c === 12) {
      while (i < n) { const d = s.charCodeAt(i); if (d === 32 || d === 9 || d === 13 || d === 11 || d === 12) i++; else break; }
      out.push({ kind: 'ws', text: s.slice(st, i) });
      continue;
    }
    if (isIdStart(c)) {
      while (i < n && isIdChar(s.charCodeAt(i))) i++;
      out.push({ kind: 'id', text: s.slice(st, i) });
      continue;
    }
    if (isDigit(c) || (c === 46 && isDigit(s.charCodeAt(i + 1)))) {
      i++;
      while (i < n) {
        const d = s.charCodeAt(i);
        if ((d === 43 || d === 45) && (s.charCodeAt(i - 1) | 0x20) === 101) { i++; continue; }
        if (isIdChar(d) || d === 46) { i++; continue; }
        break;
      }
      out.push({ kind: 'num', text: s.slice(st, i) });
      continue;
    }
    if (c === 34 || c === 39) {
      i++;
      while (i < n) {
        const d = s.charCodeAt(i);
        if (d === 92 && i + 1 < n) { i += 2; continue; }
        if (d === c || d === 10) break;
        i++;
      }
      if (i < n && s.charCodeAt(i) === c) i++;
      out.push({ kind: c === 34 ? 'str' : 'chr', text: s.slice(st, i) });
      continue;
    }
    const three = s.slice(i, i + 3);
    if (PUNCT3.includes(three)) { out.push({ kind: 'punct', text: three }); i += 3; continue; }
    const two = s.slice(i, i + 2);
    if (PUNCT2.includes(two)) { out.push({ kind: 'punct', text: two }); i += 2; continue; }
    out.push({ kind: c < 128 ? 'punct' : 'other', text: s[i]! });
    i++;
  }
  return out;
}

/** The text of a token list. */
export function detokenize(toks: readonly PPToken[]): string {
  let s = '';
  for (const t of toks) s += t.text;
  return s;
}

/**
 * Replaces comments by white space, keeping their newlines, and skips string
 * and character literals. `//` comments are removed as GCC's cpp does.
 */
export function stripComments(s: string): { text: string; unterminatedLine: number } {
  let out = '';
  let unterminatedLine = -1;
  let i = 0;
  let last = 0;
  const n = s.length;
  while (i < n) {
    const c = s.charCodeAt(i);
    if (c === 34 || c === 39) {
      i++;
      while (i < n) {
        const d = s.charCodeAt(i);
        if (d === 92 && i + 1 < n) { i += 2; continue; }
        if (d === c || d === 10) break;
        i++;
      }
      if (i < n && s.charCodeAt(i) === c) i++;
      continue;
    }
    if (c === 47 && s.charCodeAt(i + 1) === 42) {
      out += s.slice(last, i);
      const end = s.indexOf('*/', i + 2);
      const stop = end < 0 ? n : end + 2;
      if (end < 0) {
        unterminatedLine = 1;
        for (let k = 0; k < i; k++) if (s.charCodeAt(k) === 10) unterminatedLine++;
      }
      let nls = 0;
      for (let k = i; k < stop; k++) if (s.charCodeAt(k) === 10) nls++;
      out += nls ? '\n'.repeat(nls) : ' ';
      i = last = stop;
      continue;
    }
    if (c === 47 && s.charCodeAt(i + 1) === 47) {
      out += s.slice(last, i);
      while (i < n && s.charCodeAt(i) !== 10) i++;
      last = i;
      continue;
    }
    i++;
  }
  return { text: out + s.slice(last), unterminatedLine };
}
