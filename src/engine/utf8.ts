/**
 * The engine's text is D byte strings (one char per byte: D strings are
 * bytes, and the CLI writes them as such); what a terminal shows of those
 * bytes is their UTF-8 reading. The page shows the same. Standard output
 * leaves the worker as those bytes (stdoutBytes, with lineEnds: transferred,
 * not cloned), and the page reads each line it shows as UTF-8
 * (src/ui/store/output-buffer.ts), so Download output is the CLI's bytes;
 * every other string from a run (messages, aggregation keys, a table run's
 * text) is decoded here, at the worker boundary. Output, Aggregations,
 * Timeline and downloads agree with the CLI byte for byte whenever the
 * output is valid UTF-8, which all ASCII output is. Bytes that are not valid
 * UTF-8 show as U+FFFD, as a terminal shows them as junk.
 *
 * ASCII (nearly all output) is passed through untouched, without copying.
 */
import type { EngineEvent } from './events.ts';

const NON_ASCII = /[^\x00-\x7f]/;

/**
 * Whether `s` is all ASCII. Nearly all output is, and every byte of it is
 * checked, on the engine worker's thread: TextEncoder.encodeInto writes a
 * byte per ASCII character, and runs at 2-3 times the regular expression's
 * speed on long strings. Checked in slices of SLICE characters (substrings
 * of a flat string are views), into one scratch buffer of twice that.
 */
const SLICE = 1 << 16;
const ascii = new TextEncoder();
const scratch = new Uint8Array(2 * SLICE);
function isAscii(s: string): boolean {
  if (s.length < 256) return !NON_ASCII.test(s);
  for (let i = 0; i < s.length; i += SLICE) {
    const part = s.length <= SLICE ? s : s.slice(i, i + SLICE);
    const r = ascii.encodeInto(part, scratch);
    // A character past 0x7f takes two or more bytes (or does not fit): not ASCII.
    if (r.read !== part.length || r.written !== part.length) return false;
  }
  return true;
}
/** Non-streaming decodes keep no state, so one decoder serves every string. */
const utf8 = new TextDecoder();

/** A byte string's bytes, into `b` (a new array unless given). */
function bytesOf(s: string, b = new Uint8Array(s.length)): Uint8Array {
  for (let i = 0; i < s.length; i++) b[i] = s.charCodeAt(i);
  return b;
}

/**
 * Standard output as the bytes the CLI writes: a byte string's chars are its bytes (ASCII, nearly all
 * output, is written by TextEncoder.encodeInto at memory speed); text that is already decoded (chars
 * above 0xff) as its UTF-8. The page keeps these bytes as they are (transferred, not cloned) and reads
 * the lines it shows as UTF-8 (src/ui/store/output-buffer.ts).
 */
export function stdoutBytes(s: string): Uint8Array {
  const b = new Uint8Array(s.length);
  const r = ascii.encodeInto(s, b);
  if (r.read === s.length && r.written === s.length) return b;
  return NOT_BYTES.test(s) ? ascii.encode(s) : bytesOf(s, b);
}

/** Where each line of `b` ends (the index of its newline byte), from `from` on. */
export function lineEnds(b: Uint8Array, from = 0): Uint32Array {
  let n = 0;
  for (let i = b.indexOf(10, from); i >= 0; i = b.indexOf(10, i + 1)) n++;
  const ends = new Uint32Array(n);
  n = 0;
  for (let i = b.indexOf(10, from); i >= 0; i = b.indexOf(10, i + 1)) ends[n++] = i;
  return ends;
}

/** The longest line's length in a chunk of `len` bytes whose lines end at `ends` (past the last, the rest is a line too). */
export function longestLine(len: number, ends: Uint32Array): number {
  let max = 0;
  let s = 0;
  for (let k = 0; k < ends.length; k++) {
    const e = ends[k]!;
    if (e - s > max) max = e - s;
    s = e + 1;
  }
  return len - s > max ? len - s : max;
}

/** Chars above 0xff: text that is already decoded (a message quoting capture text, say), not bytes. */
const NOT_BYTES = /[^\x00-\xff]/;

/** A whole byte string as text. */
export function decodeByteString(s: string): string {
  if (isAscii(s) || NOT_BYTES.test(s)) return s;
  return utf8.decode(bytesOf(s));
}

/** Where an unfinished UTF-8 sequence at the end of `s` starts (s.length when there is none). */
function incompleteTail(s: string): number {
  for (let i = s.length - 1; i >= 0 && i >= s.length - 4; i--) {
    const c = s.charCodeAt(i);
    if ((c & 0xc0) === 0x80) continue; // a continuation byte: keep looking for its lead
    const need = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : c >= 0xc0 ? 2 : 1;
    return s.length - i < need ? i : s.length;
  }
  return s.length;
}

/**
 * One run's standard output, which arrives in pieces that may split a
 * character: an unfinished sequence at the end of a piece is held back and
 * decoded with the next one.
 */
export class ByteStreamDecoder {
  private carry = '';

  push(s: string): string {
    if (this.carry === '' && isAscii(s)) return s;
    const t = this.carry + s;
    const cut = incompleteTail(t);
    this.carry = t.slice(cut);
    return decodeByteString(t.slice(0, cut));
  }

  /** What is left at the end of the run (an unfinished sequence shows as U+FFFD). */
  end(): string {
    const rest = this.carry;
    this.carry = '';
    return rest === '' ? '' : decodeByteString(rest);
  }
}

/** Decodes the strings of one event other than standard output's text, in place. */
export function decodeEvent(e: EngineEvent): EngineEvent {
  switch (e.kind) {
    case 'message': e.text = decodeByteString(e.text); break;
    case 'record': e.text = decodeByteString(e.text); break;
    case 'agg':
      if (e.text !== undefined) e.text = decodeByteString(e.text);
      for (const r of e.rows) {
        for (let k = 0; k < r.key.length; k++) { const v = r.key[k]; if (typeof v === 'string') r.key[k] = decodeByteString(v); }
      }
      break;
    default: break;
  }
  return e;
}

/** Decodes the strings of a batch of events in place (stdout through the run's stream decoder). */
export function decodeEvents(events: EngineEvent[], stdout: ByteStreamDecoder): EngineEvent[] {
  for (let i = 0; i < events.length; i++) {
    const e = events[i]!;
    if (e.kind === 'text') e.text = stdout.push(e.text);
    else decodeEvent(e);
  }
  return events;
}
