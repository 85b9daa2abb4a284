import { describe, expect, it } from 'vitest';
import { diag, formatDiagnostic, syntaxNear, type DDiagnostic } from '../diagnostics.ts';
import { parseProgram, expandProbeField, splitProbeDesc } from '../parser.ts';

describe('formatDiagnostic: dtrace(1)\'s compile failure lines', () => {
  it('-s scripts: "failed to compile script", with the line', () => {
    const d = diag('D_SYNTAX', 'syntax error near "}"', 'x.d', 3);
    expect(formatDiagnostic(d, 'x.d', 'file')).toBe('failed to compile script x.d: line 3: syntax error near "}"');
    expect(formatDiagnostic(d, 'x.d', 'file', undefined, true)).toBe('failed to compile script x.d: [D_SYNTAX] line 3: syntax error near "}"');
  });

  it('-n programs: "invalid probe specifier", no line, region when cooking', () => {
    const src = 'BEGIN{x = }';
    const r = parseProgram(src, { program: src, isFile: false });
    expect(formatDiagnostic(r.diagnostics[0]!, src, 'inline')).toBe('invalid probe specifier BEGIN{x = }: syntax error near "}"');
    expect(formatDiagnostic(r.diagnostics[0]!, src, 'inline', undefined, true)).toBe('invalid probe specifier BEGIN{x = }: [D_SYNTAX] syntax error near "}"');
    const c: DDiagnostic = { ...diag('D_IDENT_UNDEF', 'failed to resolve x: Unknown variable name', 'BEGIN{trace(x)}', 1), region: 'action list' };
    expect(formatDiagnostic(c, 'BEGIN{trace(x)}', 'inline')).toBe('invalid probe specifier BEGIN{trace(x)}: in action list: failed to resolve x: Unknown variable name');
  });

  it('names an included or #line file', () => {
    const d = diag('D_SYNTAX', 'syntax error near "y"', 'x.d', 2, 0, undefined, 'inc.h');
    expect(formatDiagnostic(d, 'x.d', 'file', undefined, true)).toBe('failed to compile script x.d: [D_SYNTAX] "inc.h", line 2: syntax error near "y"');
  });

  it('prints library errors plainly', () => {
    const d: DDiagnostic = { ...diag('D_SYNTAX', 'Preprocessor failed to process input program', 'x.d', 4), tag: '', plain: true };
    expect(formatDiagnostic(d, 'x.d', 'file', undefined, true)).toBe('failed to compile script x.d: Preprocessor failed to process input program');
  });

  it('appends yyerror\'s "near" text', () => {
    expect(syntaxNear('syntax error', 'foo')).toBe('syntax error near "foo"');
    expect(syntaxNear('syntax error', null)).toBe('syntax error near end of input');
    expect(syntaxNear('syntax error', '"a\nb"')).toBe('syntax error near ""a"');
  });
});

describe('probe description helpers', () => {
  it('splits from the right and expands macros per field', () => {
    expect(splitProbeDesc('BEGIN')).toEqual({ provider: '', module: '', func: '', name: 'BEGIN' });
    expect(splitProbeDesc('a:b:c:d:e')).toBeNull();
    expect(expandProbeField('$1', ['x.d', 'open'], {})).toBe('open');
    expect(expandProbeField('pid$target', ['x.d'], { target: '123' })).toBe('pid123');
    expect(expandProbeField('$2x', ['x.d', 'a'], {})).toEqual({ error: 'Undefined macro variable in probe description' });
  });
});
