/**
 * A shard: one worker of a parallel run (a "CPU" in dtrace's model). It
 * compiles the same program as the coordinator, takes BEGIN's variables
 * from it, and fires the network probes for the frames the flow hash gave
 * it, with its own variables, thread-locals, TCP table and aggregation
 * buffers. It never fires BEGIN, END or ticks (the coordinator does), so it
 * never prints aggregations: it hands them over as deltas (at a tick that
 * needs them, and at the end).
 *
 * Output: what the clauses print goes into the epoch's text; after each
 * frame that printed, a mark (frame, end offset) says where that frame's
 * output ends; messages (runtime errors, ...) are kept with the frame and
 * offset they came at. The coordinator interleaves every shard's output by
 * frame number (sequencer.ts). The non-quiet header line ("CPU ID
 * FUNCTION:NAME") is the coordinator's to print, once.
 *
 * Per frame the work is the single-thread loop's (capture-run.ts handle):
 * decode, set the clock, let the providers fire — plus one comparison for
 * the mark.
 */
import type { CaptureInterface } from '../../capture/types.ts';
import { Decoder } from '../../decode/index.ts';
import { registerNetworkProviders } from '../../providers/probes.ts';
import { NetProviders } from '../../providers/net.ts';
import { DirectionResolver } from '../../providers/direction.ts';
import { LocalSet } from '../../providers/locals.ts';
import { takeDelta } from '../../d/runtime/aggregate-merge.ts';
import type { EngineEvent } from '../events.ts';
import { Session } from '../session.ts';
import { CaptureClock } from '../capture-clock.ts';
import { EspKeys } from '../esp-keys.ts';
// For its registration of the network providers (addProviderModule), which compiling needs.
import '../capture-run.ts';
import { restoreRuntime } from './globals.ts';
import type { BeginMessage, EpochDone, EpochMessage, FromShard, InitMessage, TaggedEvent, ToShard } from './protocol.ts';
import { BatchRecords } from './records.ts';

/** Session's once-per-run header flag: the coordinator prints the header. */
interface HeaderFlag { headerDone: boolean }

export class Shard {
  private s!: Session;
  private index = 0;
  private net: NetProviders | null = null;
  /** ESP keys: the run's key files, then what the capture's secrets blocks add (EpochMessage.keys); messages are the coordinator's. */
  private readonly keys = new EspKeys(() => undefined);
  private readonly dec = new Decoder({ esp: this.keys.table });
  private readonly recs = new BatchRecords();
  private readonly ifaces: CaptureInterface[] = [];
  /** The capture's clock, started at the coordinator's t0 (the same as the one-thread loop's). */
  private readonly clock = new CaptureClock();
  // The current epoch's output.
  private parts: string[] = [];
  private textLen = 0;
  private events: TaggedEvent[] = [];
  private frame = 0;
  private firingsBefore = 0;
  private failed = false;
  private flowsPeak = 0;
  /** Frames carrying an IP fragment so far. */
  private fragments = 0;
  private connsPeak = 0;
  private dynPeak = 0;

  constructor(private readonly post: (m: FromShard, transfer?: Transferable[]) => void) {}

  handle(m: ToShard): void {
    if (this.failed) return;
    try {
      switch (m.type) {
        case 'init': this.init(m); break;
        case 'begin': this.begin(m); break;
        case 'epoch': this.epoch(m); break;
        case 'end': this.post({ type: 'final', index: this.index, delta: takeDelta(this.s.store) }); break;
      }
    } catch (e) {
      this.fail(e instanceof Error ? `${e.message}\n${e.stack ?? ''}` : String(e));
    }
  }

  private fail(message: string): void {
    this.failed = true;
    this.post({ type: 'failed', index: this.index, message });
  }

  private init(m: InitMessage): void {
    this.index = m.index;
    const s = new Session({ ...m.options, cpp: false }, (e) => this.collect(e));
    this.s = s;
    this.keys.addTexts(m.options.espSa ?? []);
    const xerr = s.applyXopts();
    if (xerr) return this.fail(xerr);
    const res = s.compile(m.programs);
    if (!res.ok) return this.fail(res.message ?? 'compile failed');
    (s as unknown as HeaderFlag).headerDone = true;
    this.post({ type: 'ready', index: m.index });
  }

  private begin(m: BeginMessage): void {
    const s = this.s;
    const err = restoreRuntime(s, m.state);
    if (err) return this.fail(err);
    s.ctx.wallDeltaNs = m.wallDeltaNs;
    this.clock.start(m.t0Sec, m.t0Nsec);
    const locals = new LocalSet();
    for (const spec of m.locals.specs) locals.add(spec);
    for (const b of m.locals.added) locals.addBytes(b, 0, b.length);
    const net = new NetProviders(registerNetworkProviders(s.registry), s, new DirectionResolver(locals, m.locals.explicit, m.locals.mac),
      { tid: s.uses('tid'), stack: s.uses('stack') });
    this.net = net;
  }

  private collect(e: EngineEvent): void {
    if (e.kind === 'text') { this.parts.push(e.text); this.textLen += e.text.length; return; }
    this.events.push({ frame: this.frame, at: this.textLen, event: e });
  }

  private epoch(m: EpochMessage): void {
    const s = this.s;
    const net = this.net;
    if (net === null) return this.fail('an epoch before begin');
    for (const i of m.ifaces) this.ifaces[i.index] = i;
    this.keys.addTexts(m.keys);
    const b = m.batch;
    this.recs.set(b);
    this.parts = [];
    this.textLen = 0;
    this.events = [];
    const marks: number[] = [];
    let lastPos = 0;
    const out = s.out;
    const dec = this.dec, ifaces = this.ifaces, recs = this.recs, cpu = this.index;
    const clock = this.clock;
    for (let i = 0; i < b.n; i++) {
      const r = recs.at(i, cpu);
      this.frame = r.frame;
      // The one-thread loop's clock (capture-clock.ts): timestamps exact over any span.
      clock.settle(clock.rel(r));
      const f = dec.decode(r, ifaces);
      // Reassembly here lacks the one-thread loop's send-ahead hold and timeout timers (capture-run.ts): counted, and the coordinator warns.
      if (f.fragmented) this.fragments++;
      net.clock(clock.tsNs, Number(clock.vtsNs));
      net.frameAtClock(f, r);
      const pos = this.textLen + out.start;
      if (pos !== lastPos) { marks.push(r.frame, pos); lastPos = pos; }
    }
    if (s.stopped()) return this.fail('exit() ran on a worker: the parallel plan should have kept this program on one thread');
    s.flushText();
    const rt = s.rt;
    const firings = s.firings - this.firingsBefore;
    this.firingsBefore = s.firings;
    const dynDrops = rt.dynDrops;
    rt.dynDrops = 0;
    this.flowsPeak = Math.max(this.flowsPeak, net.flows.created);
    this.connsPeak = Math.max(this.connsPeak, net.tcp.table.size);
    // Bytes as dtrace's budget counts them (state.ts dynReserve: every variable costs the largest tuple and value).
    this.dynPeak = Math.max(this.dynPeak, rt.dynCount * (rt.dynTupleMax + rt.dynValueMax));
    const markArr = Float64Array.from(marks);
    const done: EpochDone = {
      type: 'epoch-done', index: this.index, epoch: m.epoch, text: this.parts.length === 1 ? this.parts[0]! : this.parts.join(''),
      marks: markArr, events: this.events, firings, summary: dec.summary.take(), dynDrops,
      delta: m.sync ? takeDelta(s.store) : null, batch: b,
      flows: this.flowsPeak, conns: this.connsPeak, dynBytes: this.dynPeak, fragments: this.fragments,
    };
    this.parts = [];
    this.events = [];
    this.post(done, [b.ints.buffer, b.floats.buffer, b.data.buffer, markArr.buffer]);
  }
}
