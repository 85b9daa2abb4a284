import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OutputBuffer } from './output-buffer.ts';

describe('OutputBuffer', () => {
  it('joins lines split across chunks', () => {
    const b = new OutputBuffer();
    b.appendStdout('CPU  ID\n  0  1 ip:::se');
    b.appendStdout('nd\n');
    expect(b.length).toBe(2);
    expect(b.line(1)).toBe('  0  1 ip:::send');
    expect(b.text()).toBe('CPU  ID\n  0  1 ip:::send\n');
  });
  it('keeps empty lines', () => {
    const b = new OutputBuffer();
    b.appendStdout('\n\na\n');
    expect([b.line(0), b.line(1), b.line(2)]).toEqual(['', '', 'a']);
    expect(b.length).toBe(3);
  });
  it('puts stderr messages on their own lines and marks them', () => {
    const b = new OutputBuffer();
    b.appendStdout('partial');
    b.appendStderr('wiretrace: error\n');
    b.appendStdout('x\n');
    expect(b.length).toBe(3);
    expect(b.isStderr(1)).toBe(true);
    expect(b.isStderr(2)).toBe(false);
    expect(b.text()).toBe('partial\nwiretrace: error\nx\n');
  });
});

describe('OutputBuffer.maxLen', () => {
  it('tracks the longest line across chunks and stderr', () => {
    const b = new OutputBuffer();
    b.appendStdout('abc');
    b.appendStdout('defg\nx\n');
    expect(b.maxLen).toBe(7);
    b.appendStderr('wiretrace: a longer message\n');
    expect(b.maxLen).toBe('wiretrace: a longer message'.length);
    b.clear();
    expect(b.maxLen).toBe(0);
  });
});

describe('OutputBuffer at scale', () => {
  it('indexes many lines across many chunks, splitting lines at chunk edges', () => {
    const b = new OutputBuffer();
    let all = '';
    for (let i = 0; i < 5000; i++) all += `line ${i}\n`;
    for (let i = 0; i < all.length; i += 997) b.appendStdout(all.slice(i, i + 997));
    expect(b.length).toBe(5000);
    expect(b.line(0)).toBe('line 0');
    expect(b.line(4321)).toBe('line 4321');
    expect(b.text()).toBe(all);
  });
});

describe('OutputBuffer against splitting the whole text (property)', () => {
  it('any text cut anywhere gives the same lines, including pieces with no newline or only newlines', () => {
    fc.assert(fc.property(
      fc.array(fc.stringMatching(/^[ab\n]{0,12}$/), { maxLength: 40 }),
      (pieces) => {
        const b = new OutputBuffer();
        for (const p of pieces) b.appendStdout(p);
        const all = pieces.join('');
        const lines = all === '' ? [] : (all.endsWith('\n') ? all.slice(0, -1) : all).split('\n');
        expect(b.length).toBe(lines.length);
        for (let i = 0; i < lines.length; i++) expect(b.line(i)).toBe(lines[i]);
        expect(b.text()).toBe(all);
      },
    ), { numRuns: 500, seed: 13 });
  });
});
