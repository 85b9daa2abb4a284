/**
 * A run's mutable D state: variables (globals, associative arrays,
 * thread-locals keyed by `tid`, clause-locals), the address space clauses
 * read through pointers, speculations, and the fault that ends a clause.
 *
 * Invariants:
 *  - Associative array and thread-local entries hold non-zero values only:
 *    assigning 0 (or the NULL string) deletes the entry, as dtrace frees a
 *    dynamic variable set to zero. "" is a string like any other and is
 *    kept: illumos' STTS/STGAA deallocate only when the stored register is
 *    0, and a string's register is its address (so `self->s = ""` followed
 *    by `printf("%s", self->s)` prints nothing rather than faulting).
 *    Reading a missing entry yields the type's zero.
 *  - Dynamic variables share one budget: `dynvarsize` bytes hold
 *    dynvarsize / (largest tuple + largest dynamic variable) entries, the
 *    sizes taken over the whole program (Oracle's dvars map, dt_bpf.c
 *    gmap_create_dvars; the compiler reports them with noteDyn). An
 *    assignment that does not fit is dropped and counted, and the run
 *    reports "N dynamic variable drops" as dtrace does.
 *  - A struct-valued dynamic variable is a region of memory; deleting it
 *    returns the region to a free list its next allocation reuses, so
 *    memory stays bounded by the entry limit.
 *  - A fault is thrown as the one preallocated DFault (no allocation on the
 *    error path either); the engine catches it per clause.
 */
import type { DInt } from './int64.ts';
import { FireCtx } from './context.ts';
import { StrtokState } from './subr.ts';
import { MAX_DYN_ENTRIES, MAX_OBJECT, MAX_STATIC } from '../limits.ts';

/** dtrace's fault codes (sys/dtrace.h DTRACEFLT_*). */
export const FLT_BADADDR = 1, FLT_BADALIGN = 2, FLT_ILLOP = 3, FLT_DIVZERO = 4, FLT_NOSCRATCH = 5,
  FLT_KPRIV = 6, FLT_UPRIV = 7, FLT_TUPOFLOW = 8, FLT_BADSTACK = 9;

/** dtrace_faultstr(). */
export const FAULT_STRINGS: Record<number, string> = {
  [FLT_BADADDR]: 'invalid address', [FLT_BADALIGN]: 'invalid alignment', [FLT_ILLOP]: 'illegal operation',
  [FLT_DIVZERO]: 'divide-by-zero', [FLT_NOSCRATCH]: 'out of scratch space', [FLT_KPRIV]: 'invalid kernel access',
  [FLT_UPRIV]: 'invalid user access', [FLT_TUPOFLOW]: 'tuple stack overflow', [FLT_BADSTACK]: 'bad stack',
};

export class DFault {
  code = 0;
  addr: DInt = 0;
  /** DIF-offset stand-in: see engine/errors.ts. */
  offset = 0;
}

const FAULT = new DFault();

/**
 * The NULL string. D keeps a NULL string pointer apart from "" (strstr() with
 * no match, an unset string element of an associative array): tracing,
 * printing or passing it to a string subroutine faults with an invalid
 * address, while "" is an ordinary string. A D string can never hold a NUL
 * byte, so a lone NUL stands for NULL without colliding with any real string.
 */
export const NULL_STR = '\0';

export function fault(code: number, addr: DInt = 0, offset = 0): never {
  FAULT.code = code;
  FAULT.addr = addr;
  FAULT.offset = offset;
  throw FAULT;
}

/**
 * Thrown to end a clause quietly, as speculate() on a speculation that is
 * not active does (the ECB's data has nowhere to go: nothing more of the clause runs).
 */
export class ClauseExit {}
export const CLAUSE_EXIT = new ClauseExit();

export function isFault(e: unknown): e is DFault {
  return e === FAULT;
}

/** A static memory region (a declared struct/array variable, a string copy). */
interface Region { base: number; bytes: Uint8Array; view: DataView }

export interface RuntimeLimits {
  dynvarsize: number; strsize: number; nspec: number; specsize: number;
  /** alloca()'s scratch space in bytes (the scratchsize option, rounded up to 8; 256 by default). */
  scratchsize?: number;
  /** The principal buffer size (bounds a clause's output with the clause-text bound). */
  bufsize?: number;
}

/** Thrown by Runtime.alloc for an object over MAX_OBJECT, or past MAX_STATIC in all (compile time reports it). */
export class ObjectTooBig extends Error {
  constructor(readonly size: number, readonly total: number) {
    super(`object of ${size} bytes`);
    this.name = 'ObjectTooBig';
  }
}

/** Where alloca()'s scratch space sits in the address space (apart from the static regions). */
export const SCRATCH_BASE = 0x08000000;
/** The addresses reserved for it (the static regions start above): scratchsize is capped to this. */
export const SCRATCH_SPAN = 0x08000000;

/** The scratchsize option as dt_opt_scratchsize keeps it: rounded up to 8 bytes (256 when unset or 0). */
export function scratchSize(v: string | undefined): number {
  const n = v === undefined ? 0 : Number(/^[0-9]+$/.test(v.trim()) ? v.trim() : sizeValue(v));
  if (!(n > 0)) return 256;
  return Math.min(Math.ceil(n / 8) * 8, SCRATCH_SPAN);
}

function sizeValue(v: string): number {
  const m = /^\s*([0-9]+)([kKmMgGtT]?)\s*$/.exec(v);
  if (!m) return 0;
  return Number(m[1]) * ({ '': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3, t: 1024 ** 4 } as Record<string, number>)[m[2]!.toLowerCase()]!;
}


export class Speculation {
  active = false;
  /** Committed or discarded, waiting to be freed at the end of the firing. */
  pending: 'commit' | 'discard' | null = null;
  readonly chunks: string[] = [];
  bytes = 0;
}

export class Runtime {
  readonly ctx = new FireCtx();
  /**
   * Set by the compiler when a program reads `tid` or `self->` variables, or
   * `stack()`/`stackdepth`: providers skip computing what no clause reads.
   */
  usesTid = false;
  usesStack = false;
  readonly globals: unknown[] = [];
  readonly assocs: Map<unknown, unknown>[] = [];
  readonly tls: Map<unknown, unknown>[] = [];
  locals: unknown[] = [];
  readonly regions: Region[] = [];
  private nextRegion = 0x10000000;
  /** Live dynamic variables (associative array elements and thread-locals). */
  dynCount = 0;
  dynDrops = 0;
  /** The largest tuple and dynamic variable of the program, in bytes (noteDyn). */
  dynTupleMax = 0;
  dynValueMax = 0;
  private readonly freeRegions = new Map<number, number[]>();
  private zeroAddr = 0;
  private zeroSize = 0;
  specDrops = 0;
  /** Speculative text held by all speculations (bounded by MAX_SPEC_TOTAL). */
  specTotal = 0;
  /** Clauses whose data did not fit the output buffer (dtrace's "N drops on CPU 0"). */
  bufDrops = 0;
  /** Bytes of static objects allocated so far. */
  staticBytes = 0;
  specBusy = 0;
  specUnavail = 0;
  readonly specs: Speculation[] = [];
  /** A commit()/discard() awaits settling at the end of the clause. */
  specPending = false;
  /** The speculations committed/discarded this firing, in call order: commits are written in that order (speculation/tst.CommitCommitCommit.r). */
  readonly specSettle: Speculation[] = [];
  exiting = false;
  exitStatus = 0;
  randState = 0x2545f491;
  /** strtok()'s saved position (dtrace keeps one per thread; one thread runs here at a time). */
  readonly strtokState = new StrtokState();

  constructor(readonly limits: RuntimeLimits) {
    for (let i = 0; i < limits.nspec; i++) this.specs.push(new Speculation());
  }

  // ------------------------------------------------------------ dynamic variables

  /** The compiler saw a dynamic variable with this tuple and value size (bytes). */
  noteDyn(tuple: number, value: number): void {
    if (tuple > this.dynTupleMax) this.dynTupleMax = tuple;
    if (value > this.dynValueMax) this.dynValueMax = value;
  }

  /** May one more dynamic variable be created? Counts a drop when not. */
  dynReserve(): boolean {
    const per = this.dynTupleMax + this.dynValueMax;
    if ((per > 0 && (this.dynCount + 1) * per > this.limits.dynvarsize) || this.dynCount >= MAX_DYN_ENTRIES) { this.dynDrops++; return false; }
    this.dynCount++;
    return true;
  }

  /** Set an associative-array (or thread-local) entry; 0 or the NULL string deletes ("" is kept). */
  dynSet(m: Map<unknown, unknown>, key: unknown, value: unknown): void {
    if (value === 0 || value === NULL_STR || value === null || value === 0n) {
      if (m.delete(key)) this.dynCount--;
      return;
    }
    if (!m.has(key) && !this.dynReserve()) return;
    m.set(key, value);
  }

  /**
   * The region of a struct-valued dynamic variable `key` of m, allocated
   * zeroed on first use; 0 when the budget is exhausted (a drop).
   */
  dynRegion(m: Map<unknown, unknown>, key: unknown, size: number): number {
    const a = m.get(key) as number | undefined;
    if (a !== undefined) return a;
    if (!this.dynReserve()) return 0;
    const free = this.freeRegions.get(size);
    let b = free?.pop();
    if (b === undefined) b = this.allocDynamic(size);
    else this.loadBytes(b, size).fill(0);
    m.set(key, b);
    return b;
  }

  /**
   * The address of struct-valued dynamic variable `key` of m for reading:
   * one that does not exist reads as zeroes from a shared zero-filled
   * region, without being created (Oracle's dt_zerosize area).
   */
  dynPeek(m: Map<unknown, unknown>, key: unknown, size: number): number {
    const a = m.get(key) as number | undefined;
    if (a !== undefined) return a;
    if (size > this.zeroSize) { this.zeroAddr = this.allocDynamic(size); this.zeroSize = size; }
    return this.zeroAddr;
  }

  /** Delete a struct-valued dynamic variable (assigning it 0), keeping its region for reuse. */
  dynFree(m: Map<unknown, unknown>, key: unknown, size: number): void {
    const a = m.get(key) as number | undefined;
    if (a === undefined) return;
    m.delete(key);
    this.dynCount--;
    let free = this.freeRegions.get(size);
    if (!free) this.freeRegions.set(size, (free = []));
    free.push(a);
  }

  // ------------------------------------------------------------ scratch (alloca)

  private scratch: Uint8Array | null = null;
  private scratchView: DataView | null = null;
  /** Bytes of scratch handed out in the current clause: the only part that may be read or written. */
  private scratchTop = 0;

  /**
   * A clause starts with empty scratch space: what alloca() returned in an
   * earlier clause is no longer addressable (dtrace's scratch belongs to one
   * clause's execution), and the next alloca() reuses the same bytes.
   */
  resetScratch(): void {
    if (this.scratchTop === 0) return;
    this.scratch!.fill(0, 0, this.scratchTop);
    this.scratchTop = 0;
  }

  /**
   * alloca(size): 8-byte aligned, from the clause's scratch space; past the
   * scratchsize option it faults with "out of scratch space" (Linux
   * dt_cg_subr_alloca_impl's rule: the new top, rounded up to 8, must fit,
   * and so must the old top plus the 8 bytes it reserves).
   */
  allocScratch(size: DInt): number {
    const cap = this.limits.scratchsize ?? 256;
    if (this.scratch === null || this.scratch.length !== cap) {
      this.scratch = new Uint8Array(Math.max(cap, 8));
      this.scratchView = new DataView(this.scratch.buffer);
      this.scratchTop = 0;
    }
    const top = this.scratchTop;
    const n = typeof size === 'bigint' || size < 0 || size > cap ? cap + 1 : size;
    const next = Math.ceil((top + n) / 8) * 8;
    if (next > cap || top > cap - 8) fault(FLT_NOSCRATCH, 0);
    this.scratchTop = next;
    return SCRATCH_BASE + top;
  }

  // ------------------------------------------------------------ memory

  /** Allocate a zeroed static region; returns its base address. */
  alloc(size: number): number {
    // Static objects (variables, translator storage): MAX_OBJECT each, MAX_STATIC in all (d/limits.ts).
    if (!(size <= MAX_OBJECT) || this.staticBytes + size > MAX_STATIC) throw new ObjectTooBig(size, this.staticBytes);
    this.staticBytes += size;
    return this.allocDynamic(size);
  }

  /**
   * A zeroed region allocated at run time (a struct-valued dynamic variable):
   * its size was checked against MAX_OBJECT at compile time, and dynvarsize
   * bounds how many there are.
   */
  allocDynamic(size: number): number {
    const base = this.nextRegion;
    const bytes = new Uint8Array(Math.max(size, 1));
    this.regions.push({ base, bytes, view: new DataView(bytes.buffer) });
    this.nextRegion += Math.ceil((size + 16) / 16) * 16 + 0x1000;
    return base;
  }

  /** Find (view, offset) for [addr, addr+size) or fault. */
  private locate(addr: DInt, size: number): [DataView, number, Uint8Array] {
    // A bigint address is past 2^53: no region lives there.
    if (typeof addr !== 'number') fault(FLT_BADADDR, typeof addr === 'bigint' ? addr : 0);
    const c = this.ctx;
    const so = addr - SCRATCH_BASE;
    if (so >= 0 && so < SCRATCH_SPAN) {
      // Scratch space: only what this clause's alloca() calls handed out.
      if (so + size <= this.scratchTop && size >= 0) return [this.scratchView!, so, this.scratch!];
      return fault(FLT_BADADDR, addr);
    }
    if (c.mem !== null) {
      const off = addr - c.memBase;
      if (off >= 0 && off + size <= c.memLen) return [c.memView!, c.memStart + off, c.mem];
    }
    for (const r of this.regions) {
      const off = addr - r.base;
      if (off >= 0 && off + size <= r.bytes.length) return [r.view, off, r.bytes];
    }
    return fault(FLT_BADADDR, addr);
  }

  /** Load an integer of `size` bytes (little-endian, as on x86-64). */
  load(addr: DInt, size: number, signed: boolean): DInt {
    // A char pointer that holds a D string (assigned from one) reads its characters.
    if (typeof addr === 'string') return loadFromString(addr, size, signed);
    const [v, o] = this.locate(addr, size);
    switch (size) {
      case 1: return signed ? v.getInt8(o) : v.getUint8(o);
      case 2: return signed ? v.getInt16(o, true) : v.getUint16(o, true);
      case 4: return signed ? v.getInt32(o, true) : v.getUint32(o, true);
      default: {
        const b = signed ? v.getBigInt64(o, true) : v.getBigUint64(o, true);
        return b >= -9007199254740991n && b <= 9007199254740991n ? Number(b) : b;
      }
    }
  }

  store(addr: DInt, size: number, value: DInt): void {
    const [v, o] = this.locate(addr, size);
    switch (size) {
      case 1: v.setUint8(o, Number(typeof value === 'bigint' ? BigInt.asUintN(8, value) : value & 0xff)); break;
      case 2: v.setUint16(o, Number(typeof value === 'bigint' ? BigInt.asUintN(16, value) : value & 0xffff), true); break;
      case 4: v.setUint32(o, Number(typeof value === 'bigint' ? BigInt.asUintN(32, value) : value >>> 0), true); break;
      default: v.setBigUint64(o, BigInt.asUintN(64, BigInt(value)), true);
    }
  }

  /** Read a NUL-terminated string of at most `max` bytes. */
  loadString(addr: DInt, max: number): string {
    if (typeof addr !== 'number' || addr === 0) fault(FLT_BADADDR, addr);
    const [, o, bytes] = this.locate(addr, 1);
    let s = '';
    for (let i = o; i < bytes.length && i - o < max; i++) {
      const b = bytes[i]!;
      if (b === 0) break;
      s += String.fromCharCode(b);
    }
    return s;
  }

  loadBytes(addr: DInt, size: number): Uint8Array {
    const [, o, bytes] = this.locate(addr, size);
    return bytes.subarray(o, o + size);
  }

  storeBytes(addr: DInt, src: Uint8Array): void {
    const [, o, bytes] = this.locate(addr, src.length);
    bytes.set(src, o);
  }

  /**
   * The first `size` bytes of a string value as D lays it out: a char[strsize]
   * array, NUL-padded; reading past its end faults as reading past any object does.
   */
  stringBytes(s: string, size: number): Uint8Array {
    if (size > this.limits.strsize + 1) fault(FLT_BADADDR, 0);
    const out = new Uint8Array(size);
    for (let i = 0; i < s.length && i < size; i++) out[i] = s.charCodeAt(i) & 0xff;
    return out;
  }

  /** Copy a string into a fresh region (for `&` of string values, casts to char *). */
  stringRegion(s: string): number {
    const base = this.allocDynamic(s.length + 1);
    const r = this.regions[this.regions.length - 1]!;
    for (let i = 0; i < s.length; i++) r.bytes[i] = s.charCodeAt(i) & 0xff;
    return base;
  }

  /** rand(): dtrace's linear congruential generator (dtrace_dif_subr DIF_SUBR_RAND). */
  rand(): number {
    this.randState = Number((BigInt(this.randState) * 2416n + 374441n) % 1771875n);
    return this.randState;
  }
}

function loadFromString(s: string, size: number, signed: boolean): DInt {
  if (s === NULL_STR) fault(FLT_BADADDR, 0);
  let v = 0n;
  for (let i = Math.min(size, s.length) - 1; i >= 0; i--) v = (v << 8n) | BigInt(s.charCodeAt(i) & 0xff);
  const bits = BigInt(size * 8);
  const r = signed ? BigInt.asIntN(Number(bits), v) : v;
  return r >= -9007199254740991n && r <= 9007199254740991n ? Number(r) : r;
}
