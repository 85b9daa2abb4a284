import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OutputBuffer } from './output-buffer.ts';
import { lineEnds } from '../../engine/utf8.ts';

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

describe('OutputBuffer with stderr between stdout pieces (property)', () => {
  it('gives every line and its stream, looked up in any order', () => {
    fc.assert(fc.property(
      fc.array(fc.record({ err: fc.boolean(), text: fc.stringMatching(/^[ab\n]{0,10}$/) }), { maxLength: 40 }),
      fc.array(fc.nat(), { maxLength: 60 }),
      (pieces, order) => {
        const b = new OutputBuffer();
        // The model: stderr ends an open stdout line where it stands and brings its own lines.
        const lines: { t: string; err: boolean }[] = [];
        let open = false;
        for (const p of pieces) {
          if (p.err) {
            b.appendStderr(p.text);
            const t = p.text.endsWith('\n') ? p.text.slice(0, -1) : p.text;
            for (const l of t.split('\n')) lines.push({ t: l, err: true });
            open = false;
            continue;
          }
          b.appendStdout(p.text);
          if (p.text === '') continue;
          const parts = p.text.split('\n');
          if (open) lines[lines.length - 1]!.t += parts.shift()!;
          for (const l of parts) lines.push({ t: l, err: false });
          // A piece ending in a newline leaves an empty last part: no line yet.
          if (p.text.endsWith('\n')) { lines.pop(); open = false; } else open = true;
        }
        expect(b.length).toBe(lines.length);
        for (const k of order) {
          if (lines.length === 0) break;
          const i = k % lines.length;
          expect(b.line(i)).toBe(lines[i]!.t);
          expect(b.isStderr(i)).toBe(lines[i]!.err);
        }
        const whole = lines.map((l) => l.t).join('\n');
        expect(b.text()).toBe(lines.length === 0 ? '' : whole + (open ? '' : '\n'));
        expect(b.maxLen).toBe(Math.max(0, ...lines.map((l) => l.t.length)));
      },
    ), { numRuns: 1000, seed: 29 });
  });
});

describe('OutputBuffer over the worker\'s bytes', () => {
  const enc = new TextEncoder();
  const join = (parts: Uint8Array[]): Uint8Array => {
    const all = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
    let at = 0;
    for (const p of parts) { all.set(p, at); at += p.length; }
    return all;
  };
  const feed = (b: OutputBuffer, bytes: Uint8Array): void => b.appendStdoutBytes(bytes, lineEnds(bytes));

  it('reads a character split between chunks whole, and bytes that are not UTF-8 as U+FFFD, keeping the bytes', () => {
    const b = new OutputBuffer();
    const e = enc.encode('caf\u00e9 \u2192 x\n');
    feed(b, e.subarray(0, 4));
    feed(b, e.subarray(4, 7));
    feed(b, Uint8Array.of(...e.subarray(7), 0xff, 0x41, 0x0a));
    expect([b.line(0), b.line(1)]).toEqual(['caf\u00e9 \u2192 x', '\ufffdA']);
    expect([...join(b.bytes())]).toEqual([...e, 0xff, 0x41, 0x0a]);
  });

  it('gives back exactly the bytes it was given, stderr lines in their places (property)', () => {
    fc.assert(fc.property(
      fc.array(fc.record({ err: fc.boolean(), bytes: fc.uint8Array({ maxLength: 12 }).map((a) => a.map((x) => [10, 65, 0xc3, 0xa9, 0xe2, 0xff][x % 6]!)) }), { maxLength: 30 }),
      (pieces) => {
        const b = new OutputBuffer();
        const want: number[] = [];
        let open = false;
        for (const p of pieces) {
          if (p.err) {
            b.appendStderr('wiretrace: e');
            if (open) want.push(10);
            want.push(...enc.encode('wiretrace: e\n'));
            open = false;
          } else if (p.bytes.length > 0) {
            feed(b, p.bytes);
            want.push(...p.bytes);
            open = p.bytes[p.bytes.length - 1] !== 10;
          }
        }
        expect([...join(b.bytes())]).toEqual(want);
        // Every line is the UTF-8 reading of its bytes.
        const lines = new TextDecoder().decode(Uint8Array.from(want)).split('\n');
        if (!open) lines.pop();
        expect(b.length).toBe(want.length === 0 ? 0 : lines.length);
        for (let i = 0; i < b.length; i++) expect(b.line(i)).toBe(lines[i]);
      },
    ), { numRuns: 1000, seed: 41 });
  });

  it('takes the longest line from the worker, and measures the one it joins', () => {
    const b = new OutputBuffer();
    const x = enc.encode('abcdef');
    b.appendStdoutBytes(x, new Uint32Array(0), 6);
    const y = enc.encode('gh\nij\n');
    b.appendStdoutBytes(y, lineEnds(y), 2);
    expect(b.maxLen).toBe(8);
    expect([b.line(0), b.line(1)]).toEqual(['abcdefgh', 'ij']);
  });
});
