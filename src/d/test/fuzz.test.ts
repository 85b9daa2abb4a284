/**
 * Bad input never crashes the front end: random token soups, random
 * mutations of the seed scripts and arbitrary text give diagnostics with a
 * line number, never an exception.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { runs } from '../../../test/fuzz/config.ts';
import { parseProgram } from '../parser.ts';
import { preprocess } from '../preprocess.ts';

const FIXTURES = Object.values(import.meta.glob('./fixtures/*.d', { query: '?raw', import: 'default', eager: true }) as Record<string, string>);

const VOCAB = [
  'BEGIN', 'END', 'ip:::send', 'tick-1sec', 'syscall::open*:entry', '{', '}', '(', ')', '[', ']', '/', ';', ',', ':',
  '?', '=', '==', '+=', '->', '.', '*', '&', '!', '~', '++', '--', '<<', '>>=', '^^', '&&', '||', '+', '-', '%',
  'x', 'self', 'this', 'self->x', '@a', '@', '$1', '$$2', '$pid', '$', '`k', 'args[2]', 'printf', 'count()',
  '"str"', '"\\n"', "'c'", "''", '0', '42', '0x1F', '08', '1.5', '99999999999999999999', 'int', 'char', 'struct',
  'union', 'enum', 'typedef', 'inline', 'translator', 'provider', 'probe', 'sizeof', 'stringof', 'offsetof',
  'xlate', 'if', 'else', 'uint32_t', 'string', 'unsigned', 'long', '<', '>', '...', ':', '#pragma D option quiet',
  '#line 7', '#define', '#', '/*', '*/', '\\', '\n', ' ', '\t', '\0', 'é',
];

function checkParse(src: string, isFile: boolean): void {
  const r = parseProgram(src, { program: 'f.d', isFile });
  const lines = src.split('\n').length;
  for (const d of r.diagnostics) {
    expect(d.line).toBeGreaterThanOrEqual(1);
    // #line can move numbers anywhere; otherwise they stay within the text.
    if (!src.includes('#line')) expect(d.line).toBeLessThanOrEqual(lines + 1);
    expect(typeof d.message).toBe('string');
    expect(d.message.length).toBeGreaterThan(0);
  }
  expect(r.program.kind).toBe('Program');
}

describe('fuzz', () => {
  it('never throws on token soups', () => {
    fc.assert(fc.property(fc.array(fc.constantFrom(...VOCAB), { maxLength: 60 }), fc.boolean(), (toks, isFile) => {
      checkParse(toks.join(' '), isFile);
      checkParse(toks.join(''), isFile);
    }), runs(1500));
  }, 60_000);

  it('never throws on mutations of the seed scripts', () => {
    const mutate = fc.tuple(fc.nat(FIXTURES.length - 1), fc.array(fc.tuple(fc.nat(), fc.nat(8), fc.constantFrom(...VOCAB, '', '')), { minLength: 1, maxLength: 4 }));
    fc.assert(fc.property(mutate, ([fi, edits]) => {
      let s = FIXTURES[fi]!;
      for (const [pos, del, ins] of edits) {
        const p = pos % (s.length + 1);
        s = s.slice(0, p) + ins + s.slice(p + del);
      }
      checkParse(s, true);
      const c = preprocess(s, { program: 'f.d' });
      if (c.diagnostics.every((d) => d.severity !== 'error')) checkParse(c.text, true);
      else for (const d of c.diagnostics) expect(d.line).toBeGreaterThanOrEqual(1);
    }), runs(400));
  }, 60_000);

  it('never throws on arbitrary text, in the lexer, parser or preprocessor', () => {
    fc.assert(fc.property(fc.string({ maxLength: 200, unit: 'binary' }), (s) => {
      checkParse(s, true);
      checkParse(s, false);
      const c = preprocess(s, { program: 'f.d' });
      expect(Array.isArray(c.diagnostics)).toBe(true);
    }), runs(800));
  }, 60_000);

  it('reports a diagnostic for every broken seed where a token is deleted from a statement', () => {
    // Deleting the '=' of an assignment always breaks the program.
    for (const src of FIXTURES) {
      const i = src.indexOf(' = ');
      if (i < 0) continue;
      const bad = src.slice(0, i) + ' ' + src.slice(i + 3);
      const r = parseProgram(bad, { program: 'f.d', isFile: true });
      expect(r.diagnostics.length).toBeGreaterThan(0);
    }
  });

  it('parses a 1000-line script (linear time: no backtracking)', () => {
    const clause = (i: number) => `ip:::send\n/args[2]->ip_ver == 4 && x${i} > 0/\n{\n  @c[args[2]->ip_saddr] = count();\n  this->v = (timestamp - last) / 1000;\n  printf("%d %s\\n", this->v, args[3]->if_name);\n  last = timestamp;\n}\n\n`;
    let src = '#pragma D option quiet\n';
    for (let i = 0; i < 111; i++) src += clause(i);
    expect(src.split('\n').length).toBeGreaterThanOrEqual(1000);
    const r = parseProgram(src, { program: 'big.d', isFile: true });
    expect(r.diagnostics).toEqual([]);
    expect(r.program.items.length).toBe(111);
  });
});

describe('deep nesting', () => {
  it('ends in yacc\'s stack overflow error, not a JavaScript one', () => {
    for (const src of [
      'BEGIN { x = ' + '('.repeat(5000) + '1' + ')'.repeat(5000) + '; }',
      'BEGIN { x = ' + '-'.repeat(5000) + '1; }',
      'BEGIN { ' + 'if (x) '.repeat(5000) + 'y = 1; }',
      'int ' + '('.repeat(5000) + 'x' + ')'.repeat(5000) + ';',
    ]) {
      const r = parseProgram(src, { program: 'deep.d', isFile: true });
      expect(r.diagnostics[0]!.message).toMatch(/^yacc stack overflow near /);
    }
    // ordinary depths are fine
    expect(parseProgram('BEGIN { x = ' + '('.repeat(100) + '1' + ')'.repeat(100) + '; }', { isFile: true }).diagnostics).toEqual([]);
  });
});
