import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ByteStreamDecoder, decodeByteString, decodeEvents, lineEnds, longestLine, stdoutBytes } from './utf8.ts';
import type { EngineEvent } from './events.ts';

const bytes = (s: string) => String.fromCharCode(...new TextEncoder().encode(s));

describe('UTF-8 reading of D byte strings', () => {
  it('passes ASCII through and decodes UTF-8 bytes', () => {
    const a = 'ip.tun0 -> 10.0.0.1\n';
    expect(decodeByteString(a)).toBe(a);
    expect(decodeByteString(bytes('café € 😀'))).toBe('café € 😀');
    expect(decodeByteString('\xff')).toBe('\ufffd');
    expect(decodeByteString('already “text”')).toBe('already “text”');
  });

  it('decodes a stream split anywhere, even inside a character', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), fc.array(fc.nat(), { maxLength: 8 }), (text, cuts) => {
      const b = bytes(text);
      const at = [...new Set(cuts.map((c) => c % (b.length + 1)))].sort((x, y) => x - y);
      const d = new ByteStreamDecoder();
      let out = '';
      let prev = 0;
      for (const c of [...at, b.length]) { out += d.push(b.slice(prev, c)); prev = c; }
      out += d.end();
      expect(out).toBe(text.replace(/[\ud800-\udfff]/gu, (m) => (m.length === 1 ? '\ufffd' : m)));
    }));
  });

  it('decodes every string an event carries', () => {
    const d = new ByteStreamDecoder();
    const ev: EngineEvent[] = [
      { kind: 'text', text: bytes('eth0 → ') },
      { kind: 'message', level: 'warning', text: bytes('if “x”') },
      { kind: 'agg', name: 'a', func: 'count', tsNs: '0', rows: [{ key: [bytes('naïve'), 3], value: 1 }], text: bytes('  naïve  1\n') },
    ];
    decodeEvents(ev, d);
    expect(ev).toEqual([
      { kind: 'text', text: 'eth0 → ' },
      { kind: 'message', level: 'warning', text: 'if “x”' },
      { kind: 'agg', name: 'a', func: 'count', tsNs: '0', rows: [{ key: ['naïve', 3], value: 1 }], text: '  naïve  1\n' },
    ]);
  });
});

describe('stdout as bytes for the page', () => {
  it('writes a byte string\'s chars as its bytes, ASCII or not, and decoded text as its UTF-8', () => {
    expect([...stdoutBytes('ab\n')]).toEqual([0x61, 0x62, 0x0a]);
    expect([...stdoutBytes('caf\xc3\xa9\xff')]).toEqual([0x63, 0x61, 0x66, 0xc3, 0xa9, 0xff]);
    expect([...stdoutBytes('\u2192')]).toEqual([0xe2, 0x86, 0x92]);
    const long = 'x'.repeat(300_000) + '\xe9';
    const b = stdoutBytes(long);
    expect(b.length).toBe(300_001);
    expect(b[300_000]).toBe(0xe9);
  });
  it('finds every line end and the longest line, an unterminated last line included', () => {
    const b = new TextEncoder().encode('ab\n\nabcd\nabcdef');
    const ends = lineEnds(b);
    expect([...ends]).toEqual([2, 3, 8]);
    expect(longestLine(b.length, ends)).toBe(6);
    expect([...lineEnds(b, 4)]).toEqual([8]);
    expect(longestLine(3, new Uint32Array(0))).toBe(3);
  });
});
