/**
 * The D language for Monaco: a Monarch tokenizer, a completion provider and a
 * hover provider, all fed by d-data.ts. Loaded only with Monaco (its own chunk).
 *
 * Completion of `args[N]->` finds the probe descriptions of the clause the
 * cursor is in (the text before the clause's opening brace, minus a predicate)
 * and offers the members of args[N]'s type for those probes.
 */
import type * as Monaco from 'monaco-editor/editor/editor.api.js';
import { AGGREGATIONS, argTypesFor, CONSTANTS, KEYWORDS, PRAGMAS, PROBES, STRUCTS, SUBROUTINES, TYPES, VARIABLES, type DocItem, type ProbeDoc } from './d-data.ts';

export const D_LANGUAGE_ID = 'd';

export const monarch: Monaco.languages.IMonarchLanguage = {
  defaultToken: '',
  keywords: KEYWORDS,
  typeKeywords: TYPES,
  builtins: VARIABLES.map((x) => x.name),
  functions: [...SUBROUTINES, ...AGGREGATIONS].map((x) => x.name),
  constants: CONSTANTS,
  tokenizer: {
    root: [
      [/^#!.*$/, 'comment'],
      [/^\s*#\s*pragma\b.*$/, 'keyword.directive'],
      [/^\s*#\s*[a-z]+/, 'keyword.directive'],
      [/\/\*/, 'comment', '@comment'],
      [/\/\/.*$/, 'comment'],
      // Probe descriptions (provider:module:function:name, possibly partial, with globs), at a line's start.
      [/^\s*[a-zA-Z_$*?][\w$*?\-[\]]*(:[\w$*?\-[\]]*){1,3}/, 'type.identifier.probe'],
      [/^\s*(BEGIN|END|ERROR|(tick|profile)-\d+[a-z]*)\b/, 'type.identifier.probe'],
      [/\b(self|this)(?=\s*->)/, 'variable.predefined.scope'],
      [/@[a-zA-Z_]\w*|@(?![\w])/, 'annotation'],
      [/\$\$?\d+|\$[a-z]+/, 'variable.macro'],
      [/"/, 'string', '@string'],
      [/'(?:\\.|[^\\'])'/, 'string'],
      [/0[xX][0-9a-fA-F]+[uUlL]*/, 'number.hex'],
      [/\d+\.\d*([eE][-+]?\d+)?/, 'number.float'],
      [/\d+[uUlL]*(ns|us|ms|sec|min|hz|s|m|h|d)?/, 'number'],
      [/[a-zA-Z_]\w*/, { cases: { '@keywords': 'keyword', '@typeKeywords': 'type', '@builtins': 'variable.predefined', '@functions': 'support.function', '@constants': 'constant', '@default': 'identifier' } }],
      [/->|[{}()[\];,.]/, 'delimiter'],
      [/[=><!~?:&|+\-*/^%]+/, 'operator'],
    ],
    comment: [
      [/[^*/]+/, 'comment'],
      [/\*\//, 'comment', '@pop'],
      [/[*/]/, 'comment'],
    ],
    string: [
      [/[^\\"]+/, 'string'],
      [/\\./, 'string.escape'],
      [/"/, 'string', '@pop'],
    ],
  },
};

export const languageConfig: Monaco.languages.LanguageConfiguration = {
  comments: { lineComment: '//', blockComment: ['/*', '*/'] },
  brackets: [['{', '}'], ['[', ']'], ['(', ')']],
  autoClosingPairs: [{ open: '{', close: '}' }, { open: '[', close: ']' }, { open: '(', close: ')' }, { open: '"', close: '"', notIn: ['string'] }, { open: '/*', close: ' */' }],
  surroundingPairs: [{ open: '{', close: '}' }, { open: '(', close: ')' }, { open: '"', close: '"' }],
};

/** The probe descriptions of the clause enclosing `offset` (empty outside a clause body). */
export function enclosingProbes(text: string, offset: number): string[] {
  let depth = 0;
  let open = -1;
  for (let i = offset - 1; i >= 0; i--) {
    const c = text[i];
    if (c === '}') depth++;
    else if (c === '{') {
      if (depth === 0) { open = i; break; }
      depth--;
    }
  }
  if (open < 0) return [];
  let head = text.slice(0, open);
  const prevClose = head.lastIndexOf('}');
  head = head.slice(prevClose + 1).replace(/\/\*[\s\S]*?\*\//g, ' ').replace(/\/\/.*$/gm, ' ').replace(/^\s*#.*$/gm, ' ');
  head = head.replace(/\/[^/]*\/\s*$/, ' '); // the predicate
  return head.split(/[\s,]+/).filter((d) => /^[\w$*?\-[\]]+(:[\w$*?\-[\]]*)*$/.test(d));
}

/** Member completions for `args[N]->` inside the clause at offset. */
export function argMembers(text: string, offset: number, n: number): { type: string; members: [string, string, string][] }[] {
  const seen = new Set<string>();
  const out: { type: string; members: [string, string, string][] }[] = [];
  for (const args of argTypesFor(enclosingProbes(text, offset))) {
    const t = args[n];
    if (!t || seen.has(t)) continue;
    seen.add(t);
    out.push({ type: t, members: STRUCTS[t] ?? [] });
  }
  return out;
}

/** A glob of a probe description field (`*`, `?`, `[...]`) as a RegExp; an empty field matches anything. */
function fieldMatches(glob: string, value: string): boolean {
  if (glob === '' || glob === '*') return true;
  const re = glob.replace(/[.+^${}()|\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
  try { return new RegExp(`^${re}$`).test(value); } catch { return false; }
}

/** The provider and name of a documented probe (BEGIN/END/ERROR are dtrace's, tick-/profile- are profile's). */
function providerAndName(desc: string): [string, string] {
  const f = desc.split(':');
  if (f.length === 4) return [f[0]!, f[3]!];
  return [/^(tick|profile)-/.test(desc) ? 'profile' : 'dtrace', desc];
}

/**
 * The documentation of the probe a description names, as dtrace reads a
 * description: fields fill from the right (`BEGIN` is a name, `ip:::send`
 * all four), empty fields and globs match anything, so `dtrace:::BEGIN`,
 * `:::BEGIN`, `ip::*:send` and `tick-5sec` all find their probe.
 */
export function probeDoc(desc: string): ProbeDoc | null {
  const parts = desc.split(':');
  if (parts.length > 4 || desc.trim() === '') return null;
  while (parts.length < 4) parts.unshift('');
  const [prov, , , name] = parts as [string, string, string, string];
  if (name === '') return null;
  for (const p of PROBES) {
    const [pp, pn] = providerAndName(p.desc);
    const nameOk = /^(tick|profile)-/.test(pn) ? new RegExp(`^${pn.split('-')[0]}-\\d+[a-z]*$`).test(name) : fieldMatches(name, pn);
    if (nameOk && fieldMatches(prov, pp)) return /^(tick|profile)-/.test(pn) && name !== pn ? { ...p, desc: name } : p;
  }
  return null;
}

function findDoc(word: string): { title: string; doc: string } | null {
  const lists: [DocItem[], string][] = [[VARIABLES, 'built-in variable'], [SUBROUTINES, 'action/subroutine'], [AGGREGATIONS, 'aggregating function']];
  for (const [list, kind] of lists) {
    const it = list.find((x) => x.name === word);
    if (it) return { title: `${it.detail} — ${kind}`, doc: it.doc };
  }
  const probe = probeDoc(word);
  if (probe) return { title: `probe ${probe.desc}`, doc: `${probe.doc}${probe.args.length ? '\n\n' + probe.args.map((a, i) => `args[${i}]: ${a}`).join('  \n') : ''}` };
  for (const [type, members] of Object.entries(STRUCTS)) {
    const m = members.find((x) => x[0] === word);
    if (m) return { title: `${m[1]} ${m[0]} — member of ${type}`, doc: m[2] };
  }
  if (STRUCTS[word]) return { title: `type ${word}`, doc: STRUCTS[word].map((m) => `${m[1]} ${m[0]}`).join('  \n') };
  if (KEYWORDS.includes(word)) return { title: `keyword ${word}`, doc: 'A D keyword.' };
  return null;
}

export function registerD(monaco: typeof Monaco): void {
  if (monaco.languages.getLanguages().some((l) => l.id === D_LANGUAGE_ID)) return;
  monaco.languages.register({ id: D_LANGUAGE_ID, extensions: ['.d'], aliases: ['D', 'DTrace'] });
  monaco.languages.setMonarchTokensProvider(D_LANGUAGE_ID, monarch);
  monaco.languages.setLanguageConfiguration(D_LANGUAGE_ID, languageConfig);
  const K = monaco.languages.CompletionItemKind;

  monaco.languages.registerCompletionItemProvider(D_LANGUAGE_ID, {
    triggerCharacters: ['>', ':', '@', '#', '-'],
    provideCompletionItems(model, position) {
      const line = model.getLineContent(position.lineNumber).slice(0, position.column - 1);
      const word = model.getWordUntilPosition(position);
      const range = new monaco.Range(position.lineNumber, word.startColumn, position.lineNumber, word.endColumn);
      const argm = /args\[(\d+)\]\s*->\s*\w*$/.exec(line);
      if (argm) {
        const offset = model.getOffsetAt(position);
        const groups = argMembers(model.getValue(), offset, Number(argm[1]));
        return {
          suggestions: groups.flatMap((g) => g.members.map(([name, type, doc]) => ({
            label: name, kind: K.Field, detail: `${type} (${g.type})`, documentation: doc, insertText: name, range,
          }))),
        };
      }
      const scoped = /\b(self|this)\s*->\s*\w*$/.exec(line);
      if (scoped) {
        const names = new Set<string>();
        for (const m of model.getValue().matchAll(new RegExp(`\\b${scoped[1]}\\s*->\\s*([a-zA-Z_]\\w*)`, 'g'))) names.add(m[1]!);
        return { suggestions: [...names].map((n) => ({ label: n, kind: K.Variable, insertText: n, range })) };
      }
      if (/^\s*#\w*$/.test(line)) {
        const r = new monaco.Range(position.lineNumber, line.indexOf('#') + 1, position.lineNumber, position.column);
        return { suggestions: PRAGMAS.map((p) => ({ label: p, kind: K.Keyword, insertText: p, range: r })) };
      }
      const atLineStart = /^\s*[\w:*?-]*$/.test(line);
      const probeRange = new monaco.Range(position.lineNumber, line.search(/\S|$/) + 1, position.lineNumber, position.column);
      const probes = PROBES.map((p) => ({ label: p.desc, kind: K.Event, detail: 'probe', documentation: p.doc, insertText: p.desc, range: probeRange, sortText: atLineStart ? '0' : '9' }));
      if (atLineStart && line.includes(':')) return { suggestions: probes };
      const items = [
        ...VARIABLES.map((x) => ({ label: x.name, kind: K.Variable, detail: x.detail, documentation: x.doc, insertText: x.name, range })),
        ...SUBROUTINES.map((x) => ({ label: x.name, kind: K.Function, detail: x.detail, documentation: x.doc, insertText: x.name, range })),
        ...AGGREGATIONS.map((x) => ({ label: x.name, kind: K.Function, detail: x.detail, documentation: x.doc, insertText: x.name, range })),
        ...KEYWORDS.map((k) => ({ label: k, kind: K.Keyword, insertText: k, range })),
        ...CONSTANTS.map((k) => ({ label: k, kind: K.Constant, insertText: k, range })),
        ...TYPES.map((k) => ({ label: k, kind: K.TypeParameter, insertText: k, range })),
        ...(atLineStart ? probes : []),
      ];
      return { suggestions: items };
    },
  });

  monaco.languages.registerHoverProvider(D_LANGUAGE_ID, {
    provideHover(model, position) {
      const lineText = model.getLineContent(position.lineNumber);
      // A probe description is one "word" made of several D words: take the whole run of probe characters.
      const col = position.column - 1;
      let s = col;
      let e = col;
      while (s > 0 && /[\w:*?-]/.test(lineText[s - 1]!)) s--;
      while (e < lineText.length && /[\w:*?-]/.test(lineText[e]!)) e++;
      const run = lineText.slice(s, e);
      const w = model.getWordAtPosition(position);
      const word = run.includes(':') ? run : w?.word ?? '';
      const d = findDoc(word);
      if (!d) return null;
      const range = run.includes(':') ? new monaco.Range(position.lineNumber, s + 1, position.lineNumber, e + 1) : new monaco.Range(position.lineNumber, w!.startColumn, position.lineNumber, w!.endColumn);
      // Docs are our own constant strings, rendered by Monaco as plain markdown (no HTML: supportHtml is off).
      return { range, contents: [{ value: `**${d.title}**` }, { value: d.doc }] };
    },
  });
}
