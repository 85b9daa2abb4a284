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
 *  - Memory is bounded: static objects (variables, translator storage) by
 *    MAX_OBJECT each and MAX_STATIC in all; *scratch* memory (alloca(), copies
 *    of strings whose address is taken) lives for one clause, as dtrace's
 *    scratch space does, and a clause may take at most `bufsize` of it:
 *    beyond, dtrace's "out of scratch space" fault.
 */
import type { DInt } from './int64.ts';
import { FireCtx } from './context.ts';
import { StrtokState } from './subr.ts';
import { MAX_OBJECT, MAX_STATIC } from '../limits.ts';

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

export function isFault(e: unknown): e is DFault {
  return e === FAULT;
}

/** A static memory region (a declared struct/array variable, a string copy). */
interface Region { base: number; bytes: Uint8Array; view: DataView }

export interface RuntimeLimits {
  dynvarsize: number; strsize: number; nspec: number; specsize: number;
  /** The principal buffer size: the scratch space one clause may take (alloca, string copies). */
  bufsize?: number;
}

/** Thrown by Runtime.alloc for an object over MAX_OBJECT, or past MAX_STATIC in all (compile time reports it). */
export class ObjectTooBig extends Error {
  constructor(readonly size: number, readonly total: number) {
    super(`object of ${size} bytes`);
    this.name = 'ObjectTooBig';
  }
}

/** Where scratch (per-clause) memory lives in the D address space; reused by every clause. */
const SCRATCH_BASE = 0x400000000000;

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
  /** Bytes of static objects allocated so far. */
  staticBytes = 0;
  /** This clause's scratch objects, and the bytes and addresses they take (reset per clause). */
  private readonly scratch: Region[] = [];
  scratchBytes = 0;
  private nextScratch = SCRATCH_BASE;
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
    if (per > 0 && (this.dynCount + 1) * per > this.limits.dynvarsize) { this.dynDrops++; return false; }
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

  // ------------------------------------------------------------ memory

  /** Allocate a zeroed static region; returns its base address. Throws ObjectTooBig past the bounds. */
  alloc(size: number): number {
    if (!(size <= MAX_OBJECT) || this.staticBytes + size > MAX_STATIC) throw new ObjectTooBig(size, this.staticBytes);
    this.staticBytes += size;
    const base = this.nextRegion;
    const bytes = new Uint8Array(Math.max(size, 1));
    this.regions.push({ base, bytes, view: new DataView(bytes.buffer) });
    this.nextRegion += Math.ceil((size + 16) / 16) * 16 + 0x1000;
    return base;
  }

  /**
   * Allocate a zeroed region at run time (a struct-valued element on first
   * use, a struct copied into a global): its size was checked against
   * MAX_OBJECT at compile time, and dynvarsize bounds how many there are.
   */
  allocDynamic(size: number): number {
    const base = this.nextRegion;
    const bytes = new Uint8Array(Math.max(size, 1));
    this.regions.push({ base, bytes, view: new DataView(bytes.buffer) });
    this.nextRegion += Math.ceil((size + 16) / 16) * 16 + 0x1000;
    return base;
  }

  /**
   * Allocate `size` zeroed bytes of scratch space for the running clause
   * (alloca: DIF_SUBR_ALLOCA); faults "out of scratch space" when the
   * clause's scratch would exceed bufsize. `size` is the uint64 argument.
   */
  allocScratch(size: DInt): number {
    const limit = this.limits.bufsize ?? 4 << 20;
    // Scratch is 8-byte aligned (dtrace rounds each allocation up).
    const n = typeof size === 'number' && size >= 0 ? Math.ceil(size / 8) * 8 : Infinity;
    if (n > limit - this.scratchBytes) fault(FLT_NOSCRATCH);
    this.scratchBytes += n;
    const base = this.nextScratch;
    const bytes = new Uint8Array(Math.max(n, 1));
    this.scratch.push({ base, bytes, view: new DataView(bytes.buffer) });
    this.nextScratch += n + 16;
    return base;
  }

  /** A clause starts: the previous clause's scratch space is released. */
  resetScratch(): void {
    if (this.scratch.length === 0) return;
    this.scratch.length = 0;
    this.scratchBytes = 0;
    this.nextScratch = SCRATCH_BASE;
  }

  /** Find (view, offset) for [addr, addr+size) or fault. */
  private locate(addr: DInt, size: number): [DataView, number, Uint8Array] {
    if (typeof addr !== 'number') fault(FLT_BADADDR, addr);
    const c = this.ctx;
    if (c.mem !== null) {
      const off = addr - c.memBase;
      if (off >= 0 && off + size <= c.memLen) return [c.memView!, c.memStart + off, c.mem];
    }
    const list = addr >= SCRATCH_BASE ? this.scratch : this.regions;
    for (const r of list) {
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

  /** Copy a string into the clause's scratch space (for `&` of string values, casts to char *). */
  stringRegion(s: string): number {
    const base = this.allocScratch(s.length + 1);
    const r = this.scratch[this.scratch.length - 1]!;
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
