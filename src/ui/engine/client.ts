/**
 * The UI's handle on one engine worker: calls across the boundary read like
 * function calls (run/stop/compile/inspect), answers are matched by id.
 *
 * Stop is immediate: the worker acknowledges and aborts the run; if no
 * acknowledgement comes within STOP_GRACE_MS (the worker is busy in a long
 * synchronous stretch) the worker is terminated and a fresh one spawned, and the
 * run ends as stopped. Either way the caller's onDone fires exactly once.
 */
import type { Diagnostic, ProgramText } from '../../engine/api.ts';
import type { CaptureSpec, FrameResultMessage, FromWorker, InspectResultMessage, RunMessage, ToWorker, WireEngineOptions, WireEvent } from '../../engine/protocol.ts';

export const STOP_GRACE_MS = 200;

export interface RunCallbacks {
  onEvents(events: WireEvent[]): void;
  /** status: the exit status, or null when the worker had to be killed. */
  onDone(status: number | null): void;
}

export interface RunHandle { id: number; stop(): void }

interface PendingRun { cb: RunCallbacks; stopTimer?: ReturnType<typeof setTimeout> }

export function spawnEngineWorker(): Worker {
  return new Worker(new URL('../../engine/worker.ts', import.meta.url), { type: 'module', name: 'wiretrace-engine' });
}

export class EngineClient {
  private worker: Worker | null = null;
  private nextId = 1;
  private runs = new Map<number, PendingRun>();
  private compiles = new Map<number, (r: { diagnostics: Diagnostic[]; available: boolean }) => void>();
  private inspects = new Map<number, (r: InspectResultMessage) => void>();
  private frames = new Map<number, (r: FrameResultMessage) => void>();

  constructor(private readonly spawn: () => Worker = spawnEngineWorker) {}

  private get w(): Worker {
    if (!this.worker) {
      const w = this.spawn();
      w.onmessage = (e: MessageEvent<FromWorker>) => this.receive(e.data);
      w.onerror = (e) => {
        // A worker that fails to load ends its runs with an error rather than hanging.
        e.preventDefault?.();
        this.failAll(e.message || 'the engine worker failed to start');
      };
      this.worker = w;
    }
    return this.worker;
  }

  private post(m: ToWorker): void { this.w.postMessage(m); }

  private receive(m: FromWorker): void {
    switch (m.type) {
      case 'events': {
        // Decoded from D byte strings to their UTF-8 reading in the worker (engine/utf8.ts), off this thread.
        const r = this.runs.get(m.id);
        if (r) r.cb.onEvents(m.events);
        break;
      }
      case 'done': this.finish(m.id, m.status); break;
      case 'stop-ack': {
        const r = this.runs.get(m.id);
        if (r?.stopTimer !== undefined) { clearTimeout(r.stopTimer); r.stopTimer = undefined; }
        break;
      }
      case 'diagnostics': this.compiles.get(m.id)?.({ diagnostics: m.diagnostics, available: m.available }); this.compiles.delete(m.id); break;
      case 'inspect-result': this.inspects.get(m.id)?.(m); this.inspects.delete(m.id); break;
      case 'frame-result': this.frames.get(m.id)?.(m); this.frames.delete(m.id); break;
    }
  }

  private finish(id: number, status: number | null): void {
    const r = this.runs.get(id);
    if (!r) return;
    if (r.stopTimer !== undefined) clearTimeout(r.stopTimer);
    this.runs.delete(id);
    r.cb.onDone(status);
  }

  private failAll(message: string): void {
    for (const [id, r] of [...this.runs]) {
      r.cb.onEvents([{ kind: 'message', level: 'error', text: message }]);
      this.finish(id, null);
    }
    this.endPending('the engine worker stopped');
  }

  /** Answers every pending compile, inspect and frame request of a worker that is gone. */
  private endPending(why: string): void {
    for (const [, resolve] of this.compiles) resolve({ diagnostics: [], available: false });
    this.compiles.clear();
    for (const [id, resolve] of this.inspects) resolve({ type: 'inspect-result', id, format: 'unknown', detail: '', size: undefined, error: why });
    this.inspects.clear();
    for (const [id, resolve] of this.frames) resolve({ type: 'frame-result', id, frame: 0, error: why });
    this.frames.clear();
  }

  run(programs: ProgramText[], captures: CaptureSpec[], options: WireEngineOptions, cb: RunCallbacks, replay?: { speed: number }, table?: 'packets'): RunHandle {
    const id = this.nextId++;
    this.runs.set(id, { cb });
    const m: RunMessage = { type: 'run', id, programs, captures, options };
    if (replay) m.replay = replay;
    if (table) m.table = table;
    this.post(m);
    return { id, stop: () => this.stop(id) };
  }

  /** Hands a table run's delta buffers back to its worker, to be filled again (TableBuffersMessage). */
  giveBack(id: number, buffers: ArrayBuffer[]): void {
    if (this.runs.has(id) && this.worker) this.worker.postMessage({ type: 'table-buffers', id, buffers } satisfies ToWorker, buffers);
  }

  /** Releases the next packet of a step-paced replay. */
  step(id: number): void {
    if (this.runs.has(id)) this.post({ type: 'replay-step', id });
  }

  stop(id: number): void {
    const r = this.runs.get(id);
    if (!r || r.stopTimer !== undefined) return;
    this.post({ type: 'stop', id });
    r.stopTimer = setTimeout(() => this.respawn(), STOP_GRACE_MS);
  }

  /** Kills an unresponsive worker; every run on it ends as stopped. */
  private respawn(): void { this.abandon('the engine worker stopped'); }

  /**
   * Ends the worker if nothing is pending on it and starts a fresh one, its modules loading ahead of
   * the next call. A run leaves its worker's heap grown (V8 gives little of it back): after a count
   * over the 957 MB bench capture the workers held 75 MB that ending them returned.
   */
  recycle(): void {
    if (this.worker === null || this.runs.size > 0 || this.compiles.size > 0 || this.inspects.size > 0 || this.frames.size > 0) return;
    this.worker.terminate();
    this.worker = null;
    this.post({ type: 'warm' });
  }

  compile(program: ProgramText, options?: WireEngineOptions): Promise<{ diagnostics: Diagnostic[]; available: boolean }> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.compiles.set(id, resolve);
      this.post({ type: 'compile', id, program, options });
    });
  }

  inspect(capture: CaptureSpec): Promise<InspectResultMessage> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.inspects.set(id, resolve);
      this.post({ type: 'inspect', id, capture });
    });
  }

  /** One frame's bytes and decoded layers, read by the worker from the capture. */
  frame(capture: CaptureSpec, frame: number, espSa?: { name: string; text: string }[]): Promise<FrameResultMessage> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.frames.set(id, resolve);
      this.post({ type: 'frame', id, capture, frame, espSa });
    });
  }

  /**
   * Ends the worker whatever it is doing: its runs end as stopped, its pending compiles, summaries and
   * frames are answered with `why` (a summary pass that must make way for a run is ended this way).
   */
  abandon(why: string): void {
    this.worker?.terminate();
    this.worker = null;
    for (const [id] of [...this.runs]) this.finish(id, null);
    this.endPending(why);
  }

  dispose(): void { this.worker?.terminate(); this.worker = null; }
}
