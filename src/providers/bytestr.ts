/**
 * D strings are byte strings: dtrace's strlen() counts bytes and printf
 * writes a string's bytes as they are, so "café" is 5 long and reaches the
 * terminal as UTF-8. Inside wiretrace a D string is a JS string of byte
 * values (one char per byte, latin1-style: the CLI writes it with 'latin1',
 * the web app decodes it as UTF-8 for display). Text the capture carries
 * (pcapng if_name, process names, comments) is read as UTF-8 into ordinary
 * JS strings, so it crosses into D here, once per distinct string.
 */
const enc = new TextEncoder();
/** Converted non-ASCII strings; capture text is a handful of names, so this stays small. */
const cache = new Map<string, string>();
const CACHE_LIMIT = 4096;

/** `s` (Unicode) as a D byte string: its UTF-8 bytes, one char each. ASCII comes back unchanged. */
export function byteString(s: string): string {
  if (!/[^\x00-\x7f]/.test(s)) return s;
  let b = cache.get(s);
  if (b === undefined) {
    const u = enc.encode(s);
    b = '';
    for (let i = 0; i < u.length; i += 4096) b += String.fromCharCode(...u.subarray(i, i + 4096));
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(s, b);
  }
  return b;
}
