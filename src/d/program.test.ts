/**
 * Bad input never escapes as an exception: any text gives either a clean
 * compile or one diagnostic (property test over token soups built from D's
 * vocabulary, so the parser gets far enough to exercise the checker).
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { diagnose } from './program.ts';

const TOKENS = [
  'BEGIN', 'END', 'tick-1sec', 'ip:::send', '{', '}', '(', ')', '[', ']', '/', ';', ',', '=', '+=', '++', '+', '-', '*', '&', '!',
  '<', '==', '?', ':', '->', '.', 'x', 'y', 'self->a', 'this->b', '@a', '@', 'count()', 'sum(1)', 'quantize(x)', 'printf("%d\\n", x)',
  'trace(x)', 'exit(0)', 'args[0]', 'args[2]->ip_saddr', '"s"', '1', '0x10', "'c'", 'int', 'string', 'struct s { int a; };', 'sizeof',
  'stringof', '(int)', '(char *)', 'strlen("a")', 'timestamp', 'probefunc', 'if', 'else', 'inline int n = 1;', 'speculate(1)',
];

describe('diagnose never throws', () => {
  it('on token soups', () => {
    fc.assert(fc.property(fc.array(fc.constantFrom(...TOKENS), { maxLength: 40 }), (toks) => {
      const text = toks.join(' ');
      const d = diagnose({ name: 'fuzz.d', text, kind: 'file' }, { allowZeroMatch: true });
      expect(Array.isArray(d)).toBe(true);
      for (const x of d) expect(x.tag).not.toBe('D_UNKNOWN');
    }), { numRuns: 400 });
  });

  it('reports a line for checker errors', () => {
    const d = diagnose({ name: 'x.d', text: 'BEGIN\n{\n\ttrace(nosuch);\n}\n', kind: 'file' });
    expect(d).toHaveLength(1);
    expect(d[0]!.tag).toBe('D_IDENT_UNDEF');
    expect(d[0]!.line).toBe(3);
  });
});
