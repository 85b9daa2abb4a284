/**
 * TextBuf: output text as character codes. Whatever JS string goes in comes
 * out unchanged (the Latin-1 byte strings D uses, and wider text).
 */
import { describe, expect, it } from 'vitest';
import { TextBuf } from './textbuf.ts';
import { ClauseOutput } from './output.ts';

describe('TextBuf', () => {
  it('round-trips ASCII, Latin-1 bytes and wider text, growing as needed', () => {
    const b = new TextBuf(2);
    b.str('abc');
    b.fill(32, 3);
    b.code(10);
    expect(b.toString()).toBe('abc   \n');
    b.str('\xe9\xff\x80');
    expect(b.toString()).toBe('abc   \n\xe9\xff\x80');
    b.str('\u2192\ud83d');
    b.str('z');
    expect(b.toString()).toBe('abc   \n\xe9\xff\x80\u2192\ud83dz');
    expect(b.toString(3, 6)).toBe('   ');
  });
  it('turns long non-ASCII text into one string exactly (fromCharCode in slices)', () => {
    const s = Array.from({ length: 20000 }, (_, i) => String.fromCharCode(i % 256)).join('');
    const b = new TextBuf();
    b.str(s);
    expect(b.toString()).toBe(s);
  });
});

describe('ClauseOutput as the pending output', () => {
  it('commit keeps a clause text, rewind drops it, takeCommitted leaves the running clause', () => {
    const o = new ClauseOutput();
    o.push('one\n');
    o.commit();
    o.push('dropped');
    o.reset();
    expect(o.recorded).toBe(false);
    o.push('t\u2192o\n');
    o.commit();
    o.push('running');
    expect(o.takeCommitted()).toBe('one\nt\u2192o\n');
    expect(o.text()).toBe('running');
    // The wide text is gone: the buffer is back to bytes and still exact.
    o.push('\xe9');
    o.commit();
    expect(o.takeCommitted()).toBe('running\xe9');
    expect(o.takeCommitted()).toBe('');
  });
});
