/**
 * The contract between capture readers and everything downstream.
 *
 * A reader turns a byte stream (pcap or pcapng, maybe gzip-compressed) into
 * packet records. Records are *views*: `buf` is the reader's current chunk and
 * the packet's bytes are `buf[off .. off + capLen)`. Nothing is copied and the
 * same record object is reused for every packet, so a consumer copies what it
 * keeps beyond the next call into the reader.
 */

/** LINKTYPE_* values (https://www.tcpdump.org/linktypes.html) that we decode. */
export const LINKTYPE = {
  NULL: 0,
  ETHERNET: 1,
  PPP: 9,
  RAW_12: 12,
  RAW_14: 14,
  PPP_HDLC: 50,
  PPP_ETHER: 51,
  RAW: 101,
  LOOP: 108,
  LINUX_SLL: 113,
  IPV4: 228,
  IPV6: 229,
  LINUX_SLL2: 276,
} as const;

/** Packet direction as a capture states it (pcapng epb_flags bits 0-1, SLL packet type, ...). */
export const DIR_UNKNOWN = 0;
export const DIR_INBOUND = 1;
export const DIR_OUTBOUND = 2;
export type Direction = typeof DIR_UNKNOWN | typeof DIR_INBOUND | typeof DIR_OUTBOUND;

export type CaptureFormat = 'pcap' | 'pcapng';

export interface CaptureInterface {
  /** Index into CaptureReader.interfaces; unique across sections (and files, once merged). */
  readonly index: number;
  /** Which input file (0-based) and pcapng section (0-based; 0 for pcap) it belongs to. */
  readonly file: number;
  readonly section: number;
  readonly linkType: number;
  readonly snapLen: number;
  /** pcapng if_name; '' when the capture does not name it. */
  readonly name: string;
  /** pcapng if_description; ''. */
  readonly description: string;
  /** Bytes of frame check sequence at the end of every frame (if_fcslen, pcap FCS bits); 0 none. */
  readonly fcsLen: number;
}

export interface SectionInfo {
  readonly file: number;
  readonly index: number;
  readonly littleEndian: boolean;
  readonly major: number;
  readonly minor: number;
  /** shb_hardware, shb_os, shb_userappl, comments: '' when absent. */
  readonly hardware: string;
  readonly os: string;
  readonly userAppl: string;
  readonly comments: readonly string[];
}

/**
 * Process details beyond pid and name that some captures carry per packet
 * (ptcpdump comments; etl2pcapng's thread id): '' and -1 when not said.
 * Allocated only for packets that carry them.
 */
export interface ProcessDetail {
  /** Which writer said so (README "Who and where": how far each can be trusted). */
  source: 'ptcpdump' | 'etl2pcapng';
  /** Command path and argument list as written ("..." truncation marks removed). */
  cmd: string;
  cmdTruncated: boolean;
  args: string;
  argsTruncated: boolean;
  tid: number;
  threadName: string;
  uid: number;
  gid: number;
  ppid: number;
  parentCmd: string;
  parentArgs: string;
  /** Container (ptcpdump ContainerName; D's zonename) and pod. */
  container: string;
  containerId: string;
  containerImage: string;
  pod: string;
  podNamespace: string;
}

/** A reusable, mutable view of one packet. Valid until the reader is called again. */
export interface PacketRecord {
  /** 1-based frame number across the whole input (as Wireshark numbers frames). */
  frame: number;
  ifIndex: number;
  buf: Uint8Array;
  off: number;
  capLen: number;
  origLen: number;
  /**
   * Time as exact integers: whole seconds since the epoch and nanoseconds within
   * the second. (Together they exceed 2^53 ns, so no single JS number holds them.)
   */
  tsSec: number;
  tsNsec: number;
  direction: Direction;
  /** epb_flags reception type (bits 2-4): 0 unspecified, 1 unicast, 2 multicast, 3 broadcast, 4 promiscuous. */
  receptionType: number;
  /** Raw epb_flags word, 0 when absent. */
  epbFlags: number;
  /** epb_queue, or -1. */
  queue: number;
  /** epb_dropcount, or -1. */
  dropCount: number;
  /** opt_comment values; the shared empty array when none (no allocation). */
  comments: readonly string[];
  /** Process that sent/received it (Darwin process info, ptcpdump comments); -1 / '' unknown. */
  pid: number;
  procName: string;
  /** Darwin effective process (the one on whose behalf), -1 / '' unknown. */
  effPid: number;
  effProcName: string;
  /** Further process details (ptcpdump, etl2pcapng comments), or null. */
  proc: ProcessDetail | null;
  /** Byte offset of this record's block in the (decompressed) input, for messages and random access. */
  fileOffset: number;
}

/** Fatal: the input cannot be read at all. Says what was expected, what was found, and where. */
export class CaptureError extends Error {
  constructor(
    message: string,
    /** Byte offset in the (decompressed) input. */
    readonly offset: number,
    /** Input name (file path, 'stdin', URL), for messages. */
    readonly source: string = '',
  ) {
    super(message);
    this.name = 'CaptureError';
  }
}

/** Non-fatal: something was skipped or cut; reading went on. */
export interface CaptureWarning {
  readonly message: string;
  readonly offset: number;
  /** The frame it concerns, when there is one (1-based), else 0. */
  readonly frame: number;
}

/**
 * Buffers a source reads into when its consumer keeps chunks past the next
 * read() (a parallel run shares them with its workers: engine/parallel/chunks.ts).
 */
export interface ChunkAllocator {
  /** A buffer of `size` bytes to read the next chunk into. */
  take(size: number): Uint8Array;
  /** The source is done with `buf`: read() was called again after handing it out, or the source closed. */
  retire(buf: Uint8Array): void;
}

/** A source of bytes: files, Blobs, fetch bodies and stdin all become this. */
export interface ByteSource {
  /** A name for messages ('capture.pcapng', 'stdin', a URL). */
  readonly name: string;
  /** Total size when known (files, Blobs), for progress; undefined for streams. */
  readonly size: number | undefined;
  /**
   * The next chunk of bytes, or null at end of input. The returned array may
   * be overwritten by the following call (sources reuse their buffers).
   */
  read(): Promise<Uint8Array | null>;
  close(): Promise<void>;
  /**
   * Optional: a gzip decompressor suited to where this source lives. Node
   * sources (sources.node.ts) offer node:zlib, much faster than the default
   * DecompressionStream (numbers in gzip.ts); openCapture uses it when present.
   */
  readonly gunzip?: (compressed: ByteSource) => ByteSource;
  /**
   * Optional, before the first read(): read every chunk into a buffer from
   * `alloc` and never reuse it (retire it instead), so chunks stay valid until
   * the allocator says otherwise. False when this source cannot (then it
   * reuses its own buffers as usual).
   */
  readonly lendChunks?: (alloc: ChunkAllocator) => boolean;
}

/**
 * A streaming reader. Consumers drive it with a synchronous inner loop, so
 * the per-packet cost is a function call, not a promise:
 *
 *   for (;;) {
 *     for (let p = r.nextSync(); p !== null; p = r.nextSync()) handle(p);
 *     if (!(await r.fill())) break;   // false: end of input, all records delivered
 *   }
 */
export interface CaptureReader {
  readonly format: CaptureFormat;
  readonly source: string;
  /** Grows as pcapng IDBs are read; PacketRecord.ifIndex indexes it. */
  readonly interfaces: readonly CaptureInterface[];
  readonly sections: readonly SectionInfo[];
  /** Grows while reading; the run reports them in a summary. */
  readonly warnings: readonly CaptureWarning[];
  /** Bytes taken from the source so far (compressed bytes for gzip), for progress. */
  readonly bytesRead: number;
  /** Whether the input was gzip-compressed. */
  readonly gzip: boolean;
  /**
   * pcapng Name Resolution Block entries (address text as Wireshark prints it →
   * first name), when the capture has any. Optional: readers without NRBs omit it.
   */
  readonly names?: ReadonlyMap<string, string>;
  /**
   * When capturing started, if the capture says so (pcapng isb_starttime), which
   * can be before the first packet: BEGIN fires then. Optional; null when unknown.
   */
  readonly captureStart?: { readonly sec: number; readonly nsec: number } | null;
  /** The next buffered packet, or null when more input must be read (call fill()). Throws CaptureError only for fatal errors. */
  nextSync(): PacketRecord | null;
  /** Reads more input. Resolves false at end of input once every record has been delivered. */
  fill(): Promise<boolean>;
  close(): Promise<void>;
}
