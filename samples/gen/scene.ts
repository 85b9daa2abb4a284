/**
 * scene.ts — one sample capture: interfaces, processes and timed frames,
 * written as pcapng the way a capturing host would have recorded them.
 *
 * File layout (what readers of the samples may rely on):
 *   SHB   shb_hardware / shb_os / shb_userappl and a comment naming the scene;
 *   IDB   per interface: if_name, if_description, if_tsresol = 9 (nanoseconds);
 *   ISB   per interface, before any packet: isb_starttime = when the capture
 *         (the `dtrace` run) started — BEGIN's timestamp for DELTA columns;
 *   DPEB  Darwin process event blocks (pid + name), one per process, all
 *         before the first packet (pcapng Darwin extension, type 0x80000001);
 *   DSB   decryption secrets blocks, when the scene carries its keys (secrets());
 *   EPB   per frame in time order: epb_flags direction (1 in, 2 out), and for
 *         frames with a known process the Darwin options 0x8001 (process index)
 *         and 0x8003 (effective process index); opt_comment(s) when given
 *         (ptcpdump writes its process context as comments);
 *   ISB   per interface at the end: isb_starttime, isb_endtime, isb_ifrecv,
 *         isb_ifdrop (as dumpcap writes them).
 * Frames added out of order are sorted by time (stably) before writing.
 */
import { darwinEpbOptions, PcapngWriter, type PcapngOption } from '../../src/capture/write.ts';
import { LINKTYPE } from '../../src/capture/types.ts';

export type Dir = 'in' | 'out' | 'none';

export interface Proc { pid: number; name: string }

interface Frame { ifId: number; t: bigint; data: Uint8Array; dir: Dir; proc?: Proc; eproc?: Proc; comment?: string | readonly string[]; seq: number }

/** An ISB timestamp option: like the EPB timestamp, the high 32 bits first, each word little-endian. */
function tsOption(code: number, t: bigint): PcapngOption {
  const b = new Uint8Array(8);
  const dv = new DataView(b.buffer);
  dv.setUint32(0, Number(t >> 32n), true);
  dv.setUint32(4, Number(t & 0xffffffffn), true);
  return { code, bytes: b };
}

export class Scene {
  private ifaces: { name: string; linkType: number; description: string }[] = [];
  private procs: Proc[] = [];
  private frames: Frame[] = [];
  private dsbs: { type: number; data: Uint8Array }[] = [];

  constructor(
    readonly file: string,
    readonly comment: string,
    /** When the capture starts (ns since the epoch); BEGIN's timestamp. */
    readonly startNs: bigint,
    readonly host: { hardware?: string; os?: string } = {},
  ) {}

  iface(name: string, linkType: number = LINKTYPE.ETHERNET, description = ''): number {
    this.ifaces.push({ name, linkType, description });
    return this.ifaces.length - 1;
  }

  private procIndex(p: Proc): number {
    let i = this.procs.findIndex((q) => q.pid === p.pid && q.name === p.name);
    if (i < 0) { this.procs.push(p); i = this.procs.length - 1; }
    return i;
  }

  add(ifId: number, t: bigint, data: Uint8Array, dir: Dir, o: { proc?: Proc; eproc?: Proc; comment?: string | readonly string[] } = {}): this {
    if (t < this.startNs) throw new Error(`${this.file}: frame at ${t} before the capture start ${this.startNs}`);
    this.frames.push({ ifId, t, data, dir, ...o, seq: this.frames.length });
    return this;
  }

  /** A decryption secrets block (pcapng DSB) written before the first packet. */
  secrets(type: number, data: Uint8Array): this {
    this.dsbs.push({ type, data });
    return this;
  }

  get count(): number { return this.frames.length; }

  /** Frames in time order (stable), as they will be written. */
  ordered(): readonly Frame[] {
    return [...this.frames].sort((a, b) => (a.t < b.t ? -1 : a.t > b.t ? 1 : a.seq - b.seq));
  }

  bytes(): Uint8Array {
    const frames = this.ordered();
    const end = frames.length > 0 ? frames[frames.length - 1]!.t : this.startNs;
    const w = new PcapngWriter(true);
    w.shb([
      { code: 1, str: this.comment },
      { code: 2, str: this.host.hardware ?? 'x86_64' },
      { code: 3, str: this.host.os ?? 'SunOS 5.11' },
      { code: 4, str: 'wiretrace samples generator (samples/gen)' },
    ]);
    for (const f of this.ifaces) {
      const opts: PcapngOption[] = [{ code: 2, str: f.name }];
      if (f.description) opts.push({ code: 3, str: f.description });
      opts.push({ code: 9, u8: 9 });
      w.idb(f.linkType, 262144, opts);
    }
    this.ifaces.forEach((_, i) => w.isb(i, this.startNs, [tsOption(2, this.startNs)]));
    // Index processes in first-use order so the DPEB ids are stable.
    for (const f of frames) { if (f.proc) this.procIndex(f.proc); if (f.eproc) this.procIndex(f.eproc); }
    for (const p of this.procs) w.darwinProcessBlock(p.pid, p.name);
    for (const d of this.dsbs) w.dsb(d.type, d.data);
    const recv = this.ifaces.map(() => 0n);
    for (const f of frames) {
      const extra: PcapngOption[] = f.proc ? darwinEpbOptions(this.procIndex(f.proc), this.procIndex(f.eproc ?? f.proc)) : [];
      w.epb(f.ifId, f.t, f.data, f.data.length, {
        flags: f.dir === 'in' ? 1 : f.dir === 'out' ? 2 : undefined,
        comments: f.comment === undefined ? undefined : typeof f.comment === 'string' ? [f.comment] : [...f.comment],
        extra,
      });
      recv[f.ifId]! += 1n;
    }
    this.ifaces.forEach((_, i) => w.isb(i, end, [
      tsOption(2, this.startNs), tsOption(3, end), { code: 4, u64: recv[i]! }, { code: 5, u64: 0n },
    ]));
    return w.take();
  }
}
