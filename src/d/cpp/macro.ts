/**
 * Macro expansion for the -C preprocessor: object-like and function-like
 * macros, `#` stringizing, `##` pasting, variadic `...`/__VA_ARGS__, with
 * hide sets (a macro's name is hidden in its own expansion) so recursion
 * stops as C specifies. Arguments are fully expanded before substitution
 * unless next to `#` or `##`.
 *
 * Invocations of function-like macros may span lines; the newlines inside
 * the argument list are re-emitted after the expansion so the lines that
 * follow keep their numbers. Expansion is bounded (depth and output size)
 * so hostile input cannot hang or exhaust memory.
 */
import { tokenize, type PPToken } from './pptokens.ts';

export interface MacroDef {
  name: string;
  /** null for an object-like macro. */
  params: string[] | null;
  variadic: boolean;
  body: PPToken[];
}

export class ExpandError {
  constructor(readonly message: string) {}
}

const MAX_DEPTH = 200;
const MAX_TOKENS = 200_000;

interface Frame { t: PPToken[]; i: number }

/** A token source with pushback of whole token lists. */
class Reader {
  private readonly frames: Frame[] = [];
  constructor(toks: PPToken[]) { this.push(toks); }
  push(toks: PPToken[]): void { if (toks.length) this.frames.push({ t: toks, i: 0 }); }
  next(): PPToken | undefined {
    while (this.frames.length) {
      const f = this.frames[this.frames.length - 1]!;
      if (f.i < f.t.length) return f.t[f.i++];
      this.frames.pop();
    }
    return undefined;
  }
  /** The next token that is not white space or a newline, without consuming. */
  peekSignificant(): PPToken | undefined {
    for (let k = this.frames.length - 1; k >= 0; k--) {
      const f = this.frames[k]!;
      for (let j = f.i; j < f.t.length; j++) {
        const t = f.t[j]!;
        if (t.kind !== 'ws' && t.kind !== 'nl') return t;
      }
    }
    return undefined;
  }
}

function withHide(t: PPToken, hs: ReadonlySet<string>): PPToken {
  if (!t.hide || t.hide.size === 0) return { kind: t.kind, text: t.text, hide: hs };
  const h = new Set(hs);
  for (const x of t.hide) h.add(x);
  return { kind: t.kind, text: t.text, hide: h };
}

function stringize(arg: PPToken[]): PPToken {
  let s = '';
  let pendingSpace = false;
  for (const t of arg) {
    if (t.kind === 'ws' || t.kind === 'nl') { pendingSpace = s.length > 0; continue; }
    if (pendingSpace) s += ' ';
    pendingSpace = false;
    s += t.kind === 'str' || t.kind === 'chr' ? t.text.replace(/[\\"]/g, '\\$&') : t.text;
  }
  return { kind: 'str', text: `"${s}"` };
}

function trimWs(toks: PPToken[]): PPToken[] {
  let a = 0;
  let b = toks.length;
  while (a < b && (toks[a]!.kind === 'ws' || toks[a]!.kind === 'nl')) a++;
  while (b > a && (toks[b - 1]!.kind === 'ws' || toks[b - 1]!.kind === 'nl')) b--;
  return toks.slice(a, b);
}

export class Expander {
  private produced = 0;
  constructor(
    private readonly macros: Map<string, MacroDef>,
    /** Dynamic macros (__LINE__, __FILE__). */
    private readonly dynamic: (name: string) => PPToken | undefined,
  ) {}

  /** Expands `toks` completely. Throws ExpandError on malformed invocations. */
  expand(toks: PPToken[], depth = 0): PPToken[] {
    if (depth > MAX_DEPTH) throw new ExpandError('macro expansion nested too deeply');
    if (depth === 0) this.produced = 0;
    const rd = new Reader(toks);
    const out: PPToken[] = [];
    for (;;) {
      const t = rd.next();
      if (t === undefined) break;
      if (t.kind !== 'id' || t.noexpand) { out.push(t); continue; }
      const dyn = this.dynamic(t.text);
      if (dyn !== undefined) { out.push(dyn); continue; }
      const m = this.macros.get(t.text);
      if (m === undefined) { out.push(t); continue; }
      if (t.hide?.has(t.text)) { out.push({ ...t, noexpand: true }); continue; }
      const hs = new Set<string>(t.hide ?? []);
      hs.add(m.name);
      if (m.params === null) {
        rd.push(this.count(this.subst(m, [], hs, depth)));
        continue;
      }
      const nx = rd.peekSignificant();
      if (nx === undefined || nx.text !== '(') { out.push(t); continue; }
      let newlines = 0;
      for (;;) {
        const w = rd.next()!;
        if (w.kind === 'nl') newlines++;
        if (w.text === '(') break;
      }
      const args = this.collectArgs(rd, m, () => newlines++);
      const rep = this.subst(m, args, hs, depth);
      if (newlines) rep.push({ kind: 'nl', text: '\n'.repeat(newlines) });
      rd.push(this.count(rep));
    }
    return out;
  }

  /** Bounds the tokens macro replacement produces for one block of text. */
  private count(rep: PPToken[]): PPToken[] {
    this.produced += rep.length;
    if (this.produced > MAX_TOKENS) throw new ExpandError('macro expansion too large');
    return rep;
  }

  /** Reads a macro's arguments after its '(' up to the matching ')'. */
  private collectArgs(rd: Reader, m: MacroDef, onNewline: () => void): PPToken[][] {
    const args: PPToken[][] = [[]];
    let depth = 0;
    for (;;) {
      const t = rd.next();
      if (t === undefined) throw new ExpandError(`unterminated argument list invoking macro "${m.name}"`);
      if (t.kind === 'nl') { onNewline(); args[args.length - 1]!.push({ kind: 'ws', text: ' ' }); continue; }
      if (t.text === '(') depth++;
      else if (t.text === ')') {
        if (depth === 0) break;
        depth--;
      } else if (t.text === ',' && depth === 0) {
        const named = m.params!.length;
        if (!(m.variadic && args.length > named)) { args.push([]); continue; }
      }
      args[args.length - 1]!.push(t);
    }
    const named = m.params!.length;
    const want = named + (m.variadic ? 1 : 0);
    const trimmed = args.map(trimWs);
    if (trimmed.length === 1 && trimmed[0]!.length === 0 && want === 0) return [];
    if (m.variadic && trimmed.length === named) trimmed.push([]);
    if (trimmed.length !== want) {
      throw new ExpandError(trimmed.length > want
        ? `macro "${m.name}" passed ${trimmed.length} arguments, but takes just ${want}`
        : `macro "${m.name}" requires ${want} arguments, but only ${trimmed.length} given`);
    }
    return trimmed;
  }

  private paramIndex(m: MacroDef, t: PPToken): number {
    if (t.kind !== 'id' || m.params === null) return -1;
    if (m.variadic && t.text === '__VA_ARGS__') return m.params.length;
    return m.params.indexOf(t.text);
  }

  private subst(m: MacroDef, args: PPToken[][], hs: ReadonlySet<string>, depth: number): PPToken[] {
    const body = m.body;
    const out: PPToken[] = [];
    const nextSig = (i: number): number => { let j = i + 1; while (j < body.length && body[j]!.kind === 'ws') j++; return j; };
    let pasteNext = false;
    for (let i = 0; i < body.length; i++) {
      const t = body[i]!;
      if (t.kind === 'ws') { if (!pasteNext) out.push(t); continue; }
      if (t.text === '#' && m.params !== null) {
        const j = nextSig(i);
        const pi = j < body.length ? this.paramIndex(m, body[j]!) : -1;
        if (pi >= 0) { this.emit(out, [stringize(args[pi]!)], pasteNext); pasteNext = false; i = j; continue; }
      }
      if (t.text === '##') {
        while (out.length && out[out.length - 1]!.kind === 'ws') out.pop();
        pasteNext = true;
        continue;
      }
      const pi = this.paramIndex(m, t);
      if (pi >= 0) {
        const j = nextSig(i);
        const beforePaste = j < body.length && body[j]!.text === '##';
        const raw = args[pi]!;
        const val = pasteNext || beforePaste ? raw : this.expand(raw.map((x) => ({ ...x })), depth + 1);
        this.emit(out, val, pasteNext);
        pasteNext = false;
        continue;
      }
      this.emit(out, [t], pasteNext);
      pasteNext = false;
    }
    return out.map((t) => withHide(t, hs));
  }

  /** Appends `toks`, pasting the first onto the last output token when `paste` is set. */
  private emit(out: PPToken[], toks: PPToken[], paste: boolean): void {
    if (!paste || toks.length === 0 || out.length === 0) { out.push(...toks); return; }
    const last = out.pop()!;
    const joined = tokenize(last.text + toks[0]!.text);
    out.push(...joined, ...toks.slice(1));
  }
}
