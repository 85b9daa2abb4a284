/**
 * C escape sequences as libdtrace decodes them (dt_string.c stresc2chr):
 * \a \b \f \n \r \t \v \" \\, octal \o \oo \ooo, hex \x with any number of
 * digits (the value truncated to a byte, as the C code stores it in a char);
 * any other escape keeps its backslash ("\q", and also \' and \? — see the
 * published tst.charconstants.r: '\?' is 23615, '\'' 23591) stays two characters.
 *
 * The result is a sequence of byte values; characters above U+00FF written
 * literally in the source are passed through as their UTF-8 bytes, so a
 * character constant sees the bytes dtrace sees.
 */

const SIMPLE: Record<string, number> = { a: 7, b: 8, f: 12, n: 10, r: 13, t: 9, v: 11, '"': 34, '\\': 92 };

function isOct(c: number): boolean { return c >= 48 && c <= 55; }
function hexVal(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 97 && c <= 102) return c - 87;
  if (c >= 65 && c <= 70) return c - 55;
  return -1;
}

function pushChar(out: number[], cp: number): void {
  if (cp < 0x80) { out.push(cp); return; }
  if (cp < 0x800) { out.push(0xc0 | (cp >> 6), 0x80 | (cp & 63)); return; }
  if (cp < 0x10000) { out.push(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63)); return; }
  out.push(0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 63), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63));
}

/** Decodes the escapes of `s` (the text between the quotes) into byte values. */
export function unescapeBytes(s: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c !== 92 || i + 1 >= s.length) {
      const cp = s.codePointAt(i)!;
      if (cp > 0xffff) i++;
      if (cp < 0x80) out.push(cp); else pushChar(out, cp);
      continue;
    }
    const e = s[++i]!;
    const ec = e.charCodeAt(0);
    if (isOct(ec)) {
      let v = ec - 48;
      if (i + 1 < s.length && isOct(s.charCodeAt(i + 1))) {
        v = v * 8 + s.charCodeAt(++i) - 48;
        if (i + 1 < s.length && isOct(s.charCodeAt(i + 1))) v = v * 8 + s.charCodeAt(++i) - 48;
      }
      out.push(v & 0xff);
    } else if (e === 'x') {
      let v = 0;
      while (i + 1 < s.length) {
        const h = hexVal(s.charCodeAt(i + 1));
        if (h < 0) break;
        v = (v * 16 + h) & 0xff;
        i++;
      }
      out.push(v);
    } else if (SIMPLE[e] !== undefined) {
      out.push(SIMPLE[e]!);
    } else {
      out.push(92);
      const cp = s.codePointAt(i)!;
      if (cp > 0xffff) i++;
      pushChar(out, cp);
    }
  }
  return out;
}

/**
 * The value of a string literal: escapes decoded, cut at the first NUL (D
 * strings are C strings). Escaped bytes become the code unit of their value
 * (\xff is U+00FF); characters written literally are kept as they are.
 */
export function unescapeString(s: string): string {
  if (s.indexOf('\\') < 0) {
    const z = s.indexOf('\0');
    return z >= 0 ? s.slice(0, z) : s;
  }
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0) break;
    if (c !== 92 || i + 1 >= s.length) { out += s[i]; continue; }
    // Decode one escape with the byte decoder, then map its bytes to code units.
    let j = i + 1;
    const e = s.charCodeAt(j);
    if (isOct(e)) {
      if (j + 1 < s.length && isOct(s.charCodeAt(j + 1))) { j++; if (j + 1 < s.length && isOct(s.charCodeAt(j + 1))) j++; }
    } else if (e === 120 /* x */) {
      while (j + 1 < s.length && hexVal(s.charCodeAt(j + 1)) >= 0) j++;
    }
    const bytes = unescapeBytes(s.slice(i, j + 1));
    if (bytes.length === 2 && bytes[0] === 92) { out += '\\' + s.slice(i + 1, j + 1); i = j; continue; }
    const b = bytes[0]!;
    if (b === 0) break;
    out += String.fromCharCode(b);
    i = j;
  }
  return out;
}
