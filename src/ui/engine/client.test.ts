import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { FromWorker, ToWorker } from '../../engine/protocol.ts';
import { EngineClient, STOP_GRACE_MS } from './client.ts';

/** A stand-in Worker that records messages and lets the test answer as the worker would. */
class FakeWorker {
  sent: ToWorker[] = [];
  terminated = false;
  onmessage: ((e: MessageEvent<FromWorker>) => void) | null = null;
  onerror: ((e: ErrorEvent) => void) | null = null;
  postMessage(m: ToWorker): void { this.sent.push(m); }
  terminate(): void { this.terminated = true; }
  reply(m: FromWorker): void { this.onmessage?.({ data: m } as MessageEvent<FromWorker>); }
}

describe('EngineClient', () => {
  let workers: FakeWorker[];
  let client: EngineClient;
  beforeEach(() => {
    vi.useFakeTimers();
    workers = [];
    client = new EngineClient(() => { const w = new FakeWorker(); workers.push(w); return w as unknown as Worker; });
  });
  afterEach(() => vi.useRealTimers());

  it('delivers a run\'s events in order, then done once', () => {
    const events: string[] = [];
    const done = vi.fn();
    const h = client.run([{ name: 'a.d', text: 'BEGIN{}', kind: 'file' }], [], {}, { onEvents: (es) => es.forEach((e) => events.push(e.kind)), onDone: done });
    const w = workers[0]!;
    expect(w.sent[0]).toMatchObject({ type: 'run', id: h.id });
    w.reply({ type: 'events', id: h.id, events: [{ kind: 'stdout', bytes: Uint8Array.of(120, 10), ends: Uint32Array.of(1), longest: 1 }, { kind: 'exit', status: 0 }] });
    w.reply({ type: 'done', id: h.id, status: 0 });
    w.reply({ type: 'done', id: h.id, status: 0 });
    expect(events).toEqual(['stdout', 'exit']);
    expect(done).toHaveBeenCalledTimes(1);
    expect(done).toHaveBeenCalledWith(0);
  });

  it('stop: an acknowledging worker is kept and the run ends by its own done', () => {
    const done = vi.fn();
    const h = client.run([], [], {}, { onEvents: () => {}, onDone: done });
    h.stop();
    const w = workers[0]!;
    expect(w.sent[1]).toEqual({ type: 'stop', id: h.id });
    w.reply({ type: 'stop-ack', id: h.id });
    vi.advanceTimersByTime(STOP_GRACE_MS * 2);
    expect(w.terminated).toBe(false);
    w.reply({ type: 'done', id: h.id, status: 0 });
    expect(done).toHaveBeenCalledWith(0);
  });

  it('stop: a worker that does not answer within the grace period is terminated and respawned', () => {
    const done = vi.fn();
    const h = client.run([], [], {}, { onEvents: () => {}, onDone: done });
    h.stop();
    vi.advanceTimersByTime(STOP_GRACE_MS - 1);
    expect(done).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(workers[0]!.terminated).toBe(true);
    expect(done).toHaveBeenCalledWith(null);
    client.run([], [], {}, { onEvents: () => {}, onDone: () => {} });
    expect(workers).toHaveLength(2);
  });

  it('compile answers are matched by id', async () => {
    const p1 = client.compile({ name: 'a.d', text: 'x', kind: 'file' });
    const p2 = client.compile({ name: 'b.d', text: 'y', kind: 'file' });
    const w = workers[0]!;
    const [m1, m2] = w.sent as Extract<ToWorker, { type: 'compile' }>[];
    w.reply({ type: 'diagnostics', id: m2!.id, diagnostics: [], available: true });
    w.reply({ type: 'diagnostics', id: m1!.id, diagnostics: [{ severity: 'error', tag: 'D_SYNTAX', message: 'm', program: 'a.d', line: 1, column: 0 }], available: true });
    expect((await p1).diagnostics).toHaveLength(1);
    expect((await p2).diagnostics).toHaveLength(0);
  });

  it('recycle: ends an idle worker and warms a fresh one; a worker with anything pending is kept', () => {
    const done = vi.fn();
    const h = client.run([], [], {}, { onEvents: () => {}, onDone: done });
    const w = workers[0]!;
    client.recycle();
    expect(w.terminated).toBe(false);
    const diag = vi.fn();
    void client.compile({ name: 'a.d', text: 'BEGIN{}', kind: 'file' }).then(diag);
    w.reply({ type: 'done', id: h.id, status: 0 });
    client.recycle();
    // The compile is still pending on it.
    expect(w.terminated).toBe(false);
    const c = w.sent.find((m) => m.type === 'compile')!;
    w.reply({ type: 'diagnostics', id: (c as { id: number }).id, diagnostics: [], available: true });
    client.recycle();
    expect(w.terminated).toBe(true);
    expect(workers).toHaveLength(2);
    expect(workers[1]!.sent).toEqual([{ type: 'warm' }]);
    // The next call goes to the fresh worker.
    client.run([], [], {}, { onEvents: () => {}, onDone: () => {} });
    expect(workers[1]!.sent[1]).toMatchObject({ type: 'run' });
    expect(w.sent.filter((m) => m.type === 'run')).toHaveLength(1);
  });

  it('a worker killed for not stopping answers its pending inspect and frame requests too (the Capture tab must not wait for ever)', async () => {
    const h = client.run([], [], {}, { onEvents: () => {}, onDone: () => {} });
    const info = client.inspect({ kind: 'url', name: 'x.pcap', url: 'https://example.invalid/x.pcap' });
    h.stop();
    vi.advanceTimersByTime(STOP_GRACE_MS);
    expect(workers[0]!.terminated).toBe(true);
    await expect(info).resolves.toMatchObject({ type: 'inspect-result', error: 'the engine worker stopped' });
  });

  it('abandon: ends a busy worker at once, answering its pending summaries with the reason and ending its runs as stopped', async () => {
    const done = vi.fn();
    client.run([{ name: 'a.d', text: 'BEGIN{}', kind: 'file' }], [], {}, { onEvents: () => undefined, onDone: done });
    const inspected = client.inspect({ kind: 'url', name: 'c.pcap', url: 'http://x/c.pcap' });
    const w = workers[0]!;
    client.abandon('the summary pass waits for the run');
    expect(w.terminated).toBe(true);
    expect(done).toHaveBeenCalledWith(null);
    expect(await inspected).toMatchObject({ type: 'inspect-result', error: 'the summary pass waits for the run' });
    // The next request starts a fresh worker.
    void client.inspect({ kind: 'url', name: 'c.pcap', url: 'http://x/c.pcap' });
    expect(workers).toHaveLength(2);
    expect(workers[1]!.sent[0]).toMatchObject({ type: 'inspect' });
  });
});
