import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { FromWorker } from './protocol.ts';
import { Batcher } from './worker.ts';
import { applyDelta, emptyPacketTable } from './packet-table.ts';

describe('worker Batcher', () => {
  let sent: FromWorker[];
  beforeEach(() => { vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] }); sent = []; });
  afterEach(() => vi.useRealTimers());

  /** The standard output a batch list carries, as the page reads it (bytes joined, then read as UTF-8). */
  const stdoutOf = (ms: FromWorker[]): Uint8Array => {
    const parts = ms.flatMap((m) => (m.type === 'events' ? m.events : [])).flatMap((e) => (e.kind === 'stdout' ? [e.bytes] : []));
    const all = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
    let at = 0;
    for (const p of parts) { all.set(p, at); at += p.length; }
    return all;
  };

  it('joins consecutive text events into one stdout event of bytes and line ends, and keeps only the newest progress, in order', () => {
    const transfers: Transferable[][] = [];
    const b = new Batcher(7, (m, t) => { sent.push(m); transfers.push(t ?? []); });
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
    expect(events.map((e) => e.kind)).toEqual(['stdout', 'progress', 'message', 'stdout']);
    const first = events[0]!;
    expect(first.kind === 'stdout' && new TextDecoder().decode(first.bytes)).toBe('x\n'.repeat(1000));
    expect(first.kind === 'stdout' && [...first.ends.slice(0, 3)]).toEqual([1, 3, 5]);
    expect(first.kind === 'stdout' && first.ends.length).toBe(1000);
    expect(events[1]).toMatchObject({ bytes: 2 });
    // Both stdout events' bytes and ends are transferred, not cloned.
    expect(transfers[0]).toHaveLength(4);
  });

  it('sends the output\'s bytes as the CLI writes them: a character split across batches is whole again when the page joins them', () => {
    const b = new Batcher(3, (m) => sent.push(m));
    // "é" is the bytes c3 a9: the engine's byte string is "\xc3\xa9"; the first batch ends between them.
    b.push({ kind: 'text', text: 'caf\xc3' });
    b.flush();
    b.push({ kind: 'text', text: '\xa9\n\xe2\x82' });
    b.flush();
    b.push({ kind: 'text', text: 'caf\u00e9 \u2192\n' });
    b.finish();
    const bytes = stdoutOf(sent);
    expect([...bytes.subarray(0, 8)]).toEqual([0x63, 0x61, 0x66, 0xc3, 0xa9, 0x0a, 0xe2, 0x82]);
    // The unfinished sequence reads as U+FFFD; a string that is already text (chars above 0xff) arrives as its UTF-8.
    expect(new TextDecoder().decode(bytes)).toBe('caf\u00e9\n\ufffdcaf\u00e9 \u2192\n');
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
