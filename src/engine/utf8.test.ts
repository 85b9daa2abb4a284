import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ByteStreamDecoder, decodeByteString, decodeEvents } from './utf8.ts';
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
