/**
 * What a capture can make a reader keep for the whole run is bounded.
 *
 * Packets stream through (nothing of a packet outlives the next read), but a
 * capture's metadata stays: interface names and descriptions (one per IDB,
 * up to 65,536 of them), section-header strings and comments (one set per
 * SHB, and a capture may hold millions of SHBs), Darwin process names, Name
 * Resolution Block names. Each is a pcapng option of up to 64 KB, and a small
 * gzip inflates to gigabytes of them, so without a bound a 1 MB file held
 * more than 1 GB. Like Wireshark's string options they are text cut at the
 * first NUL; unlike them, here:
 *
 *   - each kept string is cut to MAX_META_STRING bytes (at a UTF-8
 *     character boundary), and
 *   - all the strings one reader keeps add up to at most MAX_META_BYTES;
 *     once spent, later ones are kept as '' (the packets still read),
 *
 * and the reader says so once each, as a warning (stderr at the end of the
 * run; the Capture tab). Per-packet strings (packet comments and the process
 * names they carry) are not kept, but are cut the same way so nothing
 * downstream holds a 64 KB execname.
 */

/** Bytes kept of any one metadata string (interface name, comment, process or host name). */
export const MAX_META_STRING = 4096;
/** Bytes of metadata strings one reader keeps in all. */
export const MAX_META_BYTES = 16 << 20;
/** Section Header Blocks listed in CaptureReader.sections (later ones are read, not listed). */
export const MAX_SECTIONS = 4096;
/** Comments kept per packet (opt_comment may repeat; a 16 MiB block holds millions of empty ones). */
export const MAX_PACKET_COMMENTS = 16;

const utf8 = new TextDecoder('utf-8');

/** Where a cut string's text ends: at most `max` bytes from `o`, backed off to a UTF-8 character start. */
function utf8Cut(b: Uint8Array, o: number, n: number, max: number): number {
  if (n <= max) return o + n;
  let e = o + max;
  // Do not split a multi-byte character: back off over continuation bytes (at most 3).
  for (let k = 0; k < 3 && e > o && (b[e]! & 0xc0) === 0x80; k++) e--;
  return e;
}

export class MetaBudget {
  /** Bytes kept so far. */
  used = 0;
  /** Strings cut to MAX_META_STRING, and strings dropped once the budget was spent. */
  cut = 0;
  dropped = 0;

  constructor(
    private readonly warn: (message: string, offset: number) => void,
    readonly maxString = MAX_META_STRING,
    readonly maxTotal = MAX_META_BYTES,
  ) {}

  /**
   * The text of b[o .. o+n) as kept metadata: cut at the first NUL (as
   * Wireshark's g_strndup), then to maxString bytes; '' once the reader has
   * kept maxTotal bytes. `at` is the block's offset, for the warning.
   */
  keep(b: Uint8Array, o: number, n: number, at: number): string {
    let z = o;
    const e = o + n;
    while (z < e && b[z] !== 0) z++;
    const len = z - o;
    if (len === 0) return '';
    if (this.used + Math.min(len, this.maxString) > this.maxTotal) {
      if (this.dropped++ === 0) {
        this.warn(`capture metadata (interface names, comments, process and host names) exceeds ${this.maxTotal >> 20} MiB at offset ${at}; later strings are read as empty`, at);
      }
      return '';
    }
    const end = utf8Cut(b, o, len, this.maxString);
    if (end < z && this.cut++ === 0) {
      this.warn(`a capture metadata string of ${len} bytes at offset ${at} was cut to ${end - o} bytes (the limit is ${this.maxString} per string)`, at);
    }
    this.used += end - o;
    return utf8.decode(b.subarray(o, end));
  }
}

/** A per-packet string (not kept): cut at the first NUL and to MAX_META_STRING bytes. */
export function packetString(b: Uint8Array, o: number, n: number): string {
  let z = o;
  const e = o + n;
  while (z < e && b[z] !== 0) z++;
  return utf8.decode(b.subarray(o, utf8Cut(b, o, z - o, MAX_META_STRING)));
}
