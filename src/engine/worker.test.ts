import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { FromWorker } from './protocol.ts';
import { Batcher } from './worker.ts';

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
