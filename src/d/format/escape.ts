/**
 * strchr2esc (libdtrace dt_string.c): the escaping %S and %C apply — C escape
 * sequences for \0 \a \b \f \n \r \t \v " \\, three-digit octal for other
 * bytes outside '!'..'~' except the space. Strings are byte strings (char
 * codes 0..255).
 */
const ESC: Record<number, string> = { 0: '\\0', 7: '\\a', 8: '\\b', 12: '\\f', 10: '\\n', 13: '\\r', 9: '\\t', 11: '\\v', 34: '\\"', 92: '\\\\' };

export function strchr2esc(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i) & 0xff;
    const e = ESC[c];
    if (e !== undefined) out += e;
    else if (c === 32 || (c >= 33 && c <= 126)) out += s[i];
    else out += '\\' + c.toString(8).padStart(3, '0');
  }
  return out;
}
