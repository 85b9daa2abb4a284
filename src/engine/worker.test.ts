import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { FromWorker } from './protocol.ts';
import { Batcher } from './worker.ts';
import { applyDelta, emptyPacketTable } from './packet-table.ts';

describe('worker Batcher', () => {
  let sent: FromWorker[];
  beforeEach(() => { vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] }); sent = []; });
  afterEach(() => vi.useRealTimers());

  it('joins consecutive text events and keeps only the newest progress, in order', () => {
    const b = new Batcher(7, (m) => sent.push(m));
    for (let i = 0; i < 1000; i++) b.push({ kind: 'text', text: 'x\n' });
    b.push({ kind: 'progress', bytes: 1, totalBytes: 10, packets: 1, firings: 1 });
    b.push({ kind: 'progress', bytes: 2, totalBytes: 10, packets: 2, firings: 2 });
    b.push({ kind: 'message', level: 'warning', text: 'w' });
    b.push({ kind: 'text', text: 'y\n' });
    expect(sent).toHaveLength(0);
    vi.advanceTimersByTime(16);
    expect(sent).toHaveLength(1);
    const m = sent[0]!;
    expect(m.type === 'events' && m.id).toBe(7);
    const events = m.type === 'events' ? m.events : [];
    expect(events.map((e) => e.kind)).toEqual(['text', 'progress', 'message', 'text']);
    expect(events[0]).toEqual({ kind: 'text', text: 'x\n'.repeat(1000) });
    expect(events[1]).toMatchObject({ bytes: 2 });
  });

  it('decodes the output\'s UTF-8 here, a character split across batches included, and ends an unfinished one as U+FFFD', () => {
    const b = new Batcher(3, (m) => sent.push(m));
    // "é" is the bytes c3 a9: the engine's byte string is "\xc3\xa9"; the first batch ends between them.
    b.push({ kind: 'text', text: 'caf\xc3' });
    b.flush();
    b.push({ kind: 'text', text: '\xa9\n\xe2\x82' });
    b.finish();
    const text = sent.flatMap((m) => (m.type === 'events' ? m.events : [])).map((e) => (e.kind === 'text' ? e.text : '')).join('');
    expect(text).toBe('café\n\ufffd');
  });

  it('a table run (packets.d) posts rows parsed here, not text, and hands out the held rows at the end', () => {
    const transfers: number[] = [];
    const b = new Batcher(5, (m, t) => { sent.push(m); transfers.push(t?.length ?? 0); }, 'packets');
    const row = (frame: number): string => `${1_000_000_000 + frame * 1000}\t${frame}\tsend\teth0\t10.0.0.1\t10.0.0.2\t20\t40\tTCP\n`;
    b.push({ kind: 'text', text: row(1) + row(2) + row(3).slice(0, 10) });
    b.push({ kind: 'message', level: 'warning', text: 'w' });
    b.flush();
    b.push({ kind: 'text', text: row(3).slice(10) });
    b.finish();
    const t = emptyPacketTable();
    const kinds: string[] = [];
    for (const m of sent) for (const e of m.type === 'events' ? m.events : []) { kinds.push(e.kind); if (e.kind === 'table') applyDelta(t, e.delta); }
    expect(kinds).not.toContain('text');
    expect(kinds).toContain('message');
    expect(t.length).toBe(3);
    expect([t.frame.get(0), t.frame.get(2), t.relNs.get(2)]).toEqual([1, 3, 2000]);
    // Each table event's column buffers were transferred, not copied.
    expect(Math.max(...transfers)).toBe(9);
  });

  it('posts at once when a batch grows past its bound', () => {
    const b = new Batcher(1, (m) => sent.push(m));
    b.push({ kind: 'text', text: 'z'.repeat((1 << 20) + 1) });
    expect(sent).toHaveLength(1);
  });

  it('flush sends what is queued and nothing when empty', () => {
    const b = new Batcher(1, (m) => sent.push(m));
    b.flush();
    expect(sent).toHaveLength(0);
  });
});
