/**
 * Work on the main thread in bounded slices. Text arriving from a worker
 * (a built-in view's output, hundreds of KB per message) is queued and handed
 * to `consume` in pieces of at most `piece` characters, for at most
 * `budgetMs` per task; then the feeder yields (a MessageChannel message: a
 * new task, without setTimeout's 4 ms clamp) so input, rendering and the
 * next worker message get their turn. No main-thread task grows with the
 * size of a message (e2e/longtask.spec.ts).
 *
 * Pieces may end mid-line: consumers (PacketTableBuilder.feed) keep the
 * partial line for the next piece.
 */
export class SlicedFeeder {
  private queue: string[] = [];
  /** Characters of queue[0] already consumed. */
  private at = 0;
  private scheduled = false;
  private drained: (() => void)[] = [];
  private readonly channel: MessageChannel | null;
  private stopped = false;

  constructor(
    private readonly consume: (text: string) => void,
    private readonly budgetMs = 6,
    private readonly piece = 16_384,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.channel = typeof MessageChannel === 'undefined' ? null : new MessageChannel();
    if (this.channel) this.channel.port1.onmessage = () => this.run();
  }

  push(text: string): void {
    if (this.stopped || text.length === 0) return;
    this.queue.push(text);
    this.schedule();
  }

  /** Resolves once everything pushed so far is consumed. */
  whenDrained(): Promise<void> {
    if (this.queue.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.drained.push(resolve));
  }

  /** Drops what is queued (a superseded run); whenDrained promises still resolve. */
  stop(): void {
    this.stopped = true;
    this.queue = [];
    this.at = 0;
    this.finish();
    this.channel?.port1.close();
  }

  /** Consumes for one budget; true when the queue is empty. Exposed for tests. */
  step(): boolean {
    const end = this.now() + this.budgetMs;
    while (this.queue.length > 0) {
      const t = this.queue[0]!;
      const stop = Math.min(t.length, this.at + this.piece);
      this.consume(this.at === 0 && stop === t.length ? t : t.slice(this.at, stop));
      if (stop === t.length) { this.queue.shift(); this.at = 0; } else this.at = stop;
      if (this.now() >= end) break;
    }
    return this.queue.length === 0;
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    if (this.channel) this.channel.port2.postMessage(0);
    else setTimeout(() => this.run(), 0);
  }

  private run(): void {
    this.scheduled = false;
    if (this.step()) this.finish();
    else this.schedule();
  }

  private finish(): void {
    const d = this.drained;
    this.drained = [];
    for (const r of d) r();
  }
}
