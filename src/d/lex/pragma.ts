/**
 * Control lines (`#pragma`, `#line`, `# 12 "file"`, `#error`, `#ident`), as
 * illumos dt_pragma.c processes them after the lexer has collected a line's
 * words, integers and strings.
 *
 * Kinds, in order of specificity: directives usable after a naked `#`
 * (error, ident, line), after `#pragma` (the same), and after `#pragma D`
 * (attributes, binding, depends_on, option). Unknown `#pragma x` is ignored
 * (K&R A12.8); unknown `#x` and `#pragma D x` are errors.
 */
import type { ErrTag } from '../diagnostics.ts';

export interface CtlItem { kind: 'int' | 'string' | 'ident'; text: string; value?: bigint }

export interface PragmaContext {
  report(tag: ErrTag, message: string): void;
  /** #line: the next line's number, and the file name when one is given ("/dev/fd/N" means the main file). */
  setLine(line: number, file: string | null | undefined): void;
  option(name: string, value: string | undefined): void;
  /** attributes/binding for a name not yet defined: applied when it is, else D_PRAGMA_UNUSED. */
  defer?: (name: string, pragma: string) => void;
  /** Whether a provider exists, for `#pragma D depends_on provider x` (unknown: accepted). */
  hasProvider?: (name: string) => boolean;
}

const DIR = 0;
const SUB = 1;
const DCP = 2;

const STABILITY = ['internal', 'private', 'obsolete', 'external', 'unstable', 'evolving', 'stable', 'standard'];
const CLASSES = ['unknown', 'cpu', 'platform', 'group', 'isa', 'common'];

/** dtrace_str2attr: "name/data/class", each part optional from the right. */
function validAttr(s: string): boolean {
  const parts = s.split('/');
  if (parts.length > 3 || parts.length === 0) return false;
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i]!.toLowerCase();
    if (p === '') continue;
    if (!(i < 2 ? STABILITY : CLASSES).includes(p)) return false;
  }
  return true;
}

/** dt_version_str2num: major.minor[.micro]. */
function validVersion(s: string): boolean {
  return /^\d{1,3}\.\d{1,4}(\.\d{1,4})?$/.test(s);
}

function line(items: CtlItem[], name: string, ctx: PragmaContext): void {
  const [n, f, st] = items;
  if (n === undefined || n.kind !== 'int' || (f !== undefined && f.kind !== 'string') || (st !== undefined && st.kind !== 'int')) {
    ctx.report('D_PRAGMA_MALFORM', `malformed #${name} <line> [ ["file"] state ]`);
    return;
  }
  let file: string | null | undefined;
  if (f !== undefined) file = f.text.startsWith('/dev/fd/') ? null : f.text;
  ctx.setLine(Number(n.value ?? 0n), file);
}

function option(items: CtlItem[], name: string, ctx: PragmaContext): void {
  const [o] = items;
  if (o === undefined || o.kind !== 'ident') { ctx.report('D_PRAGMA_MALFORM', `malformed #pragma ${name} <option>=<val>`); return; }
  if (items.length > 1) { ctx.report('D_PRAGMA_MALFORM', `superfluous arguments specified for #pragma ${name}`); return; }
  const eq = o.text.indexOf('=');
  if (eq < 0) ctx.option(o.text, undefined);
  else ctx.option(o.text.slice(0, eq), o.text.slice(eq + 1));
}

function attributes(items: CtlItem[], name: string, ctx: PragmaContext): void {
  const [a, id] = items;
  if (a === undefined || a.kind !== 'ident' || id === undefined || id.kind !== 'ident') {
    ctx.report('D_PRAGMA_MALFORM', `malformed #pragma ${name} <attributes> <ident>`);
    return;
  }
  if (!validAttr(a.text)) { ctx.report('D_PRAGMA_INVAL', `invalid attributes specified by #pragma ${name}`); return; }
  if (id.text !== 'provider') ctx.defer?.(id.text, name);
}

function binding(items: CtlItem[], name: string, ctx: PragmaContext): void {
  const [v, id] = items;
  if (v === undefined || v.kind !== 'string' || id === undefined || id.kind !== 'ident') {
    ctx.report('D_PRAGMA_MALFORM', `malformed #pragma ${name} "version" <ident>`);
    return;
  }
  if (!validVersion(v.text)) { ctx.report('D_PRAGMA_INVAL', `invalid version string specified by #pragma ${name}`); return; }
  ctx.defer?.(id.text, name);
}

function depends(items: CtlItem[], name: string, ctx: PragmaContext): void {
  const [c, n] = items;
  if (c === undefined || n === undefined || c.kind !== 'ident' || n.kind !== 'ident') {
    ctx.report('D_PRAGMA_MALFORM', `malformed #pragma ${name} <class> <name>`);
    return;
  }
  let found: boolean;
  if (c.text === 'provider') found = ctx.hasProvider ? ctx.hasProvider(n.text) : true;
  else if (c.text === 'module') found = false; // no kernel modules exist in a capture
  else if (c.text === 'library') {
    ctx.report('D_PRAGMA_DEPEND', 'main program may not explicitly depend on a library');
    return;
  } else {
    ctx.report('D_PRAGMA_INVAL', `invalid class ${c.text} specified by #pragma ${name}`);
    return;
  }
  if (!found) ctx.report('D_PRAGMA_DEPEND', `program requires ${c.text} ${n.text}`);
}

function error(items: CtlItem[], name: string, ctx: PragmaContext): void {
  let s = '';
  for (const it of items) if (it.kind !== 'int') s += it.text + ' ';
  ctx.report('D_PRAGERR', `#${name}: ${s}`);
}

const PRAGMAS: Record<string, [(items: CtlItem[], name: string, ctx: PragmaContext) => void, number]> = {
  attributes: [attributes, DCP],
  binding: [binding, DCP],
  depends_on: [depends, DCP],
  error: [error, DIR],
  ident: [() => {}, DIR],
  line: [line, DIR],
  option: [option, DCP],
};

/**
 * Processes one control line (the items after `#`). Returns the words of a
 * `#pragma` line for the AST, or null for other directives.
 */
export function runControlLine(items: CtlItem[], ctx: PragmaContext): void {
  let kind = DIR;
  for (let i = 0; i < items.length; i++) {
    const it = items[i]!;
    if (it.kind === 'int') { line(items.slice(i), 'line', ctx); return; }
    if (it.kind !== 'ident') { ctx.report('D_PRAGCTL_INVAL', 'invalid control directive'); return; }
    if (kind === DIR && it.text === 'pragma') { kind = SUB; continue; }
    if (kind === SUB && it.text === 'D') { kind = DCP; continue; }
    const p = Object.prototype.hasOwnProperty.call(PRAGMAS, it.text) ? PRAGMAS[it.text] : undefined;
    if (p !== undefined && p[1] <= kind) { p[0](items.slice(i + 1), it.text, ctx); return; }
    if (kind === DIR) ctx.report('D_PRAGCTL_INVAL', `invalid control directive: #${it.text}`);
    else if (kind === DCP) ctx.report('D_PRAGMA_INVAL', `invalid D pragma: ${it.text}`);
    return;
  }
}
