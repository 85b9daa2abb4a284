/**
 * Writers for classic pcap and pcapng, for fixtures, samples and the bench
 * generator. They build whole files in memory (fixtures are small; the bench
 * generator flushes `take()` periodically). Every field the readers accept can
 * be written, including malformed variants, through `rawBlock` and raw options.
 */

const te = new TextEncoder();

/** A pcapng option: code and value (strings are UTF-8 encoded, numbers need an explicit width). */
export type PcapngOption =
  | { code: number; str: string }
  | { code: number; u8: number }
  | { code: number; u16: number }
  | { code: number; u32: number }
  | { code: number; u64: bigint }
  | { code: number; bytes: Uint8Array };

class ByteSink {
  private chunks: Uint8Array[] = [];
  private cur = new Uint8Array(1 << 16);
  private pos = 0;
  private view = new DataView(this.cur.buffer);
  constructor(readonly le: boolean) {}

  private ensure(n: number): void {
    if (this.pos + n <= this.cur.length) return;
    this.chunks.push(this.cur.subarray(0, this.pos));
    this.cur = new Uint8Array(Math.max(1 << 16, n));
    this.view = new DataView(this.cur.buffer);
    this.pos = 0;
  }
  u8(v: number): void { this.ensure(1); this.cur[this.pos++] = v; }
  u16(v: number): void { this.ensure(2); this.view.setUint16(this.pos, v, this.le); this.pos += 2; }
  u32(v: number): void { this.ensure(4); this.view.setUint32(this.pos, v >>> 0, this.le); this.pos += 4; }
  u64(v: bigint): void { this.ensure(8); this.view.setBigUint64(this.pos, v, this.le); this.pos += 8; }
  bytes(b: Uint8Array): void { this.ensure(b.length); this.cur.set(b, this.pos); this.pos += b.length; }
  pad4(n: number): void { const p = (4 - (n & 3)) & 3; for (let i = 0; i < p; i++) this.u8(0); }
  take(): Uint8Array {
    const parts = [...this.chunks, this.cur.subarray(0, this.pos)];
    this.chunks = [];
    this.cur = new Uint8Array(1 << 16);
    this.view = new DataView(this.cur.buffer);
    this.pos = 0;
    return concatBytes(parts);
  }
}

export function concatBytes(parts: readonly Uint8Array[]): Uint8Array {
  let n = 0;
  for (const p of parts) n += p.length;
  const out = new Uint8Array(n);
  let o = 0;
  for (const p of parts) { out.set(p, o); o += p.length; }
  return out;
}

function optionValue(o: PcapngOption, le: boolean): Uint8Array {
  if ('str' in o) return te.encode(o.str);
  if ('bytes' in o) return o.bytes;
  const size = 'u8' in o ? 1 : 'u16' in o ? 2 : 'u32' in o ? 4 : 8;
  const b = new Uint8Array(size);
  const dv = new DataView(b.buffer);
  if ('u8' in o) dv.setUint8(0, o.u8);
  else if ('u16' in o) dv.setUint16(0, o.u16, le);
  else if ('u32' in o) dv.setUint32(0, o.u32 >>> 0, le);
  else dv.setBigUint64(0, o.u64, le);
  return b;
}

/** Encodes options (with the trailing opt_endofopt when there are any). */
export function encodeOptions(opts: readonly PcapngOption[], le: boolean): Uint8Array {
  if (opts.length === 0) return new Uint8Array(0);
  const s = new ByteSink(le);
  for (const o of opts) {
    const v = optionValue(o, le);
    s.u16(o.code);
    s.u16(v.length);
    s.bytes(v);
    s.pad4(v.length);
  }
  s.u32(0); // opt_endofopt
  return s.take();
}

export interface EpbOptions {
  flags?: number;
  queue?: number;
  dropCount?: bigint;
  comments?: string[];
  /** Any further options, e.g. Darwin 0x8001/0x8003 process-info indexes. */
  extra?: PcapngOption[];
}

/** Builds a pcapng file block by block. */
export class PcapngWriter {
  private sink: ByteSink;
  constructor(readonly littleEndian = true) {
    this.sink = new ByteSink(littleEndian);
  }

  /** A block with an arbitrary type and body (body is padded to 4 bytes). */
  rawBlock(type: number, body: Uint8Array, totalLengthOverride?: number): this {
    const pad = (4 - (body.length & 3)) & 3;
    const total = totalLengthOverride ?? 12 + body.length + pad;
    this.sink.u32(type);
    this.sink.u32(total);
    this.sink.bytes(body);
    this.sink.pad4(body.length);
    this.sink.u32(total);
    return this;
  }

  private body(build: (s: ByteSink) => void): Uint8Array {
    const s = new ByteSink(this.littleEndian);
    build(s);
    return s.take();
  }

  /** Section Header Block. A new SHB starts a new section (interfaces restart at 0). */
  shb(opts: PcapngOption[] = [], major = 1, minor = 0): this {
    return this.rawBlock(0x0a0d0d0a, this.body((s) => {
      s.u32(0x1a2b3c4d);
      s.u16(major);
      s.u16(minor);
      s.u64(0xffffffffffffffffn);
      s.bytes(encodeOptions(opts, this.littleEndian));
    }));
  }

  /** Interface Description Block. Options: 2 if_name, 3 if_description, 9 if_tsresol (u8), 14 if_tsoffset (u64), 13 if_fcslen (u8). */
  idb(linkType: number, snapLen = 262144, opts: PcapngOption[] = []): this {
    return this.rawBlock(0x00000001, this.body((s) => {
      s.u16(linkType);
      s.u16(0);
      s.u32(snapLen);
      s.bytes(encodeOptions(opts, this.littleEndian));
    }));
  }

  /** Enhanced Packet Block; `ts` is in units of the interface's if_tsresol (microseconds by default). */
  epb(ifId: number, ts: bigint, data: Uint8Array, origLen = data.length, o: EpbOptions = {}): this {
    const opts: PcapngOption[] = [];
    for (const c of o.comments ?? []) opts.push({ code: 1, str: c });
    if (o.flags !== undefined) opts.push({ code: 2, u32: o.flags });
    if (o.dropCount !== undefined) opts.push({ code: 4, u64: o.dropCount });
    if (o.queue !== undefined) opts.push({ code: 6, u32: o.queue });
    opts.push(...(o.extra ?? []));
    return this.rawBlock(0x00000006, this.body((s) => {
      s.u32(ifId);
      s.u32(Number(ts >> 32n));
      s.u32(Number(ts & 0xffffffffn));
      s.u32(data.length);
      s.u32(origLen);
      s.bytes(data);
      s.pad4(data.length);
      s.bytes(encodeOptions(opts, this.littleEndian));
    }));
  }

  /** Simple Packet Block (interface 0, no timestamp). */
  spb(data: Uint8Array, origLen = data.length): this {
    return this.rawBlock(0x00000003, this.body((s) => {
      s.u32(origLen);
      s.bytes(data);
    }));
  }

  /** The obsolete Packet Block (type 2). */
  obsoletePacket(ifId: number, ts: bigint, data: Uint8Array, origLen = data.length, dropsCount = 0, opts: PcapngOption[] = []): this {
    return this.rawBlock(0x00000002, this.body((s) => {
      s.u16(ifId);
      s.u16(dropsCount);
      s.u32(Number(ts >> 32n));
      s.u32(Number(ts & 0xffffffffn));
      s.u32(data.length);
      s.u32(origLen);
      s.bytes(data);
      s.pad4(data.length);
      s.bytes(encodeOptions(opts, this.littleEndian));
    }));
  }

  /** Name Resolution Block with IPv4 (type 1) and IPv6 (type 2) records. */
  nrb(records: { ip: Uint8Array; names: string[] }[], opts: PcapngOption[] = []): this {
    return this.rawBlock(0x00000004, this.body((s) => {
      for (const r of records) {
        const names = concatBytes(r.names.map((n) => te.encode(n + '\0')));
        const len = r.ip.length + names.length;
        s.u16(r.ip.length === 4 ? 1 : 2);
        s.u16(len);
        s.bytes(r.ip);
        s.bytes(names);
        s.pad4(len);
      }
      s.u32(0); // nrb_record_end
      s.bytes(encodeOptions(opts, this.littleEndian));
    }));
  }

  /** Interface Statistics Block. */
  isb(ifId: number, ts: bigint, opts: PcapngOption[] = []): this {
    return this.rawBlock(0x00000005, this.body((s) => {
      s.u32(ifId);
      s.u32(Number(ts >> 32n));
      s.u32(Number(ts & 0xffffffffn));
      s.bytes(encodeOptions(opts, this.littleEndian));
    }));
  }

  /** Decryption Secrets Block (readers skip it). */
  dsb(secretsType: number, data: Uint8Array): this {
    return this.rawBlock(0x0000000a, this.body((s) => {
      s.u32(secretsType);
      s.u32(data.length);
      s.bytes(data);
      s.pad4(data.length);
    }));
  }

  /**
   * Darwin (pktap) Process Event Block, type 0x80000001: a pid and the option
   * 2 (process name; 4 would be the UUID). Blocks are numbered 0.. in file order;
   * EPBs refer to them with darwinEpbOptions().
   */
  darwinProcessBlock(pid: number, name: string, uuid?: Uint8Array): this {
    const opts: PcapngOption[] = [];
    if (name !== '') opts.push({ code: 2, str: name });
    if (uuid !== undefined) opts.push({ code: 4, bytes: uuid });
    return this.rawBlock(0x80000001, this.body((s) => {
      s.u32(pid);
      s.bytes(encodeOptions(opts, this.littleEndian));
    }));
  }

  /** Everything written since the last take(). */
  take(): Uint8Array {
    return this.sink.take();
  }
}

/**
 * EPB options naming the packet's Darwin process: 0x8001 the index of its
 * process block, 0x8003 the effective process's (omitted when not given).
 */
export function darwinEpbOptions(processIndex: number, effectiveIndex?: number): PcapngOption[] {
  const o: PcapngOption[] = [{ code: 0x8001, u32: processIndex }];
  if (effectiveIndex !== undefined) o.push({ code: 0x8003, u32: effectiveIndex });
  return o;
}

/** The per-packet comment ptcpdump writes on Linux (internal/writer/pcapng.go). */
export function ptcpdumpComment(pid: number, cmd: string, args = ''): string {
  return `PID: ${pid}\nCmd: ${cmd}\nArgs: ${args}`;
}

/** The pcap link-type word's FCS bits for an FCS of `bytes` bytes (libpcap LT_FCS_DATALINK_EXT: length in 16-bit words). */
export function pcapFcsBits(bytes: number): number {
  return (((bytes >>> 1) & 0xf) << 28 | 0x04000000) >>> 0;
}

export const PCAP_MAGIC_US = 0xa1b2c3d4;
export const PCAP_MAGIC_NS = 0xa1b23c4d;

/** Builds a classic pcap file. */
export class PcapWriter {
  private sink: ByteSink;
  constructor(
    readonly linkType: number,
    readonly opts: { littleEndian?: boolean; nanos?: boolean; snapLen?: number; fcsBits?: number; major?: number; minor?: number } = {},
  ) {
    this.sink = new ByteSink(opts.littleEndian ?? true);
    this.sink.u32(opts.nanos ? PCAP_MAGIC_NS : PCAP_MAGIC_US);
    this.sink.u16(opts.major ?? 2);
    this.sink.u16(opts.minor ?? 4);
    this.sink.u32(0); // thiszone
    this.sink.u32(0); // sigfigs
    this.sink.u32(opts.snapLen ?? 262144);
    // The FCS-length bits live in the top of the link-type word: 0x04000000 says an FCS length is
    // present, 0xF0000000 holds it in 16-bit words (libpcap LT_FCS_*; see pcapFcsBits).
    this.sink.u32(((opts.fcsBits ?? 0) | linkType) >>> 0);
  }

  /** One record; `sec` and `frac` are seconds and micro- or nanoseconds (per the magic). */
  packet(sec: number, frac: number, data: Uint8Array, origLen = data.length, inclLenOverride?: number): this {
    this.sink.u32(sec);
    this.sink.u32(frac);
    this.sink.u32(inclLenOverride ?? data.length);
    this.sink.u32(origLen);
    this.sink.bytes(data);
    return this;
  }

  take(): Uint8Array {
    return this.sink.take();
  }
}
