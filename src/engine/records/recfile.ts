/**
 * `-x recfmt=parquet -o records.parquet`: every printf firing as a typed
 * Parquet row instead of a line of text — the table a SQL engine wants from
 * a capture. Other output (trace, printa, END's aggregations, messages)
 * stays text on standard output.
 *
 * Schema (version RECORDS_SCHEMA; README "Records as Parquet"):
 *
 *   frame      INT64   OPTIONAL  the capture's frame number (null in BEGIN, END and ticks)
 *   timestamp  INT64   REQUIRED  D's `timestamp` at the firing (ns)
 *   probe      STRING  REQUIRED  provider:module:function:name
 *   format     STRING  REQUIRED  the printf's format string
 *   a1 .. aN   OPTIONAL  the printf's arguments after the format, by position:
 *                        INT64 for integers (an unsigned 64-bit value past
 *                        2^63 - 1 as its int64 bits), STRING for strings and
 *                        for addresses (pointers, as "0x…"). Where the
 *                        program's printfs put an integer at a position and
 *                        text at the same position elsewhere (ipio.d's
 *                        heading), that position has two columns: aI for the
 *                        integers and aI_text for the text; each row fills
 *                        one. A printf with fewer arguments leaves the rest null.
 *
 * File metadata: wiretrace.kind=records, wiretrace.schema, wiretrace.version,
 * wiretrace.formats (JSON: each printf's format and argument types, in
 * program order).
 *
 * Rows are written in row groups of ROW_GROUP rows as they come (memory
 * stays bounded by one group); the bytes leave through `emit` in order,
 * the last call at finish(). Pure JS (hyparquet-writer): the web app could
 * write the same file under its CSP.
 */
import { ByteWriter, ParquetWriter } from 'hyparquet-writer';
import type { DType } from '../../d/types/types.ts';
import { resolve } from '../../d/types/types.ts';

export const RECORDS_SCHEMA = '1';
const ROW_GROUP = 65536;

type ArgKind = 'int' | 'str' | 'addr';
/** Which columns a position has: an integer one, a text one, or both. */
interface Position { int: boolean; text: boolean }

function argKind(t: DType): ArgKind {
  const r = resolve(t);
  if (r.kind === 'int' || r.kind === 'enum') return 'int';
  if (r.kind === 'pointer') return 'addr';
  return 'str';
}

export interface PrintfStmt { format: string; types: DType[] }

export class RecordFile {
  private readonly kinds: ArgKind[][];
  private readonly pos: Position[];
  private readonly writer: ByteWriter;
  private readonly pw: ParquetWriter;
  private frame: (bigint | null)[] = [];
  private ts: bigint[] = [];
  private probe: string[] = [];
  private format: string[] = [];
  /** Per position: its integer column's values and its text column's (an unused one stays empty). */
  private ints: (bigint | null)[][];
  private texts: (string | null)[][];
  private sent = 0;
  rows = 0;

  constructor(private readonly stmts: readonly PrintfStmt[], version: string, private readonly emit: (bytes: Uint8Array) => void) {
    this.kinds = stmts.map((s) => s.types.map(argKind));
    const n = Math.max(0, ...this.kinds.map((k) => k.length));
    this.pos = [];
    for (let i = 0; i < n; i++) {
      const ks = new Set(this.kinds.filter((k) => i < k.length).map((k) => k[i]!));
      this.pos.push({ int: ks.has('int'), text: ks.has('str') || ks.has('addr') });
    }
    this.ints = this.pos.map(() => []);
    this.texts = this.pos.map(() => []);
    const str = (name: string, required: boolean) => ({ name, type: 'BYTE_ARRAY' as const, converted_type: 'UTF8' as const, repetition_type: required ? 'REQUIRED' as const : 'OPTIONAL' as const });
    const int = (name: string, required: boolean) => ({ name, type: 'INT64' as const, repetition_type: required ? 'REQUIRED' as const : 'OPTIONAL' as const });
    const fields = [int('frame', false), int('timestamp', true), str('probe', true), str('format', true),
      ...this.columnNames().map(([name, isInt]) => (isInt ? int(name, false) : str(name, false)))];
    this.writer = new ByteWriter();
    const kv = [
      { key: 'wiretrace.kind', value: 'records' },
      { key: 'wiretrace.schema', value: RECORDS_SCHEMA },
      { key: 'wiretrace.version', value: version },
      { key: 'wiretrace.formats', value: JSON.stringify(stmts.map((s) => ({ format: s.format, types: s.types.map((t) => t.name) }))) },
    ];
    this.pw = new ParquetWriter({ writer: this.writer, schema: [{ name: 'root', num_children: fields.length }, ...fields], kvMetadata: kv, createdBy: `wiretrace version ${version}` });
  }

  /** The argument columns in order: [name, whether INT64, position]. */
  private columnNames(): [string, boolean, number][] {
    const out: [string, boolean, number][] = [];
    this.pos.forEach((p, i) => {
      if (p.int) out.push([`a${i + 1}`, true, i]);
      if (p.text) out.push([p.int ? `a${i + 1}_text` : `a${i + 1}`, false, i]);
    });
    return out;
  }

  /** One printf firing: its statement, argument values (as the printf would print them), and where it fired. */
  add(stmt: number, values: readonly unknown[], probe: string, frame: number, tsNs: number | bigint): void {
    const kinds = this.kinds[stmt]!;
    this.frame.push(frame > 0 ? BigInt(frame) : null);
    this.ts.push(BigInt.asIntN(64, BigInt(tsNs)));
    this.probe.push(probe);
    this.format.push(this.stmts[stmt]!.format);
    for (let i = 0; i < this.pos.length; i++) {
      const p = this.pos[i]!;
      const k = i < kinds.length ? kinds[i]! : null;
      const v = values[i];
      if (p.int) this.ints[i]!.push(k === 'int' ? BigInt.asIntN(64, BigInt(v as number | bigint)) : null);
      if (p.text) {
        this.texts[i]!.push(k === 'str' ? (typeof v === 'string' ? utf8Text(v) : String(v))
          : k === 'addr' ? '0x' + BigInt.asUintN(64, BigInt(v as number | bigint)).toString(16) : null);
      }
    }
    if (++this.rows % ROW_GROUP === 0) this.flushGroup();
  }

  private flushGroup(): void {
    if (this.ts.length === 0) return;
    const columnData = [
      { name: 'frame', data: this.frame }, { name: 'timestamp', data: this.ts }, { name: 'probe', data: this.probe }, { name: 'format', data: this.format },
      ...this.columnNames().map(([name, isInt, i]) => ({ name, data: isInt ? this.ints[i]! : this.texts[i]! })),
    ];
    void this.pw.write({ columnData, rowGroupSize: this.ts.length });
    this.frame = []; this.ts = []; this.probe = []; this.format = [];
    this.ints = this.pos.map(() => []);
    this.texts = this.pos.map(() => []);
    this.send();
  }

  /** Hands on the bytes written so far (the writer's buffer restarts: memory stays one group). */
  private send(): void {
    const w = this.writer;
    if (w.index === 0) return;
    this.emit(new Uint8Array(w.buffer.slice(0, w.index)));
    this.sent += w.index;
    w.index = 0;
  }

  /** The last group and the footer. */
  finish(): void {
    this.flushGroup();
    void this.pw.finish();
    this.send();
  }
}

const UTF8 = new TextDecoder();

/** D strings are byte strings (one char per byte); Parquet STRING is UTF-8: bytes that are valid UTF-8 pass as text. */
function utf8Text(s: string): string {
  if (!/[\x80-\xff]/.test(s)) return s;
  const b = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) b[i] = s.charCodeAt(i) & 0xff;
  return UTF8.decode(b);
}
