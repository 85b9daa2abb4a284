/**
 * Wireshark's ESP SA table ("uat"), as its `esp_sa` file holds it and as
 * tshark takes it on the command line (`-o "uat:esp_sa:…"`): one SA per
 * record, comma-separated quoted fields —
 *
 *   "IPv4","192.168.1.108","192.168.5.1","0x5a7d01c3","AES-CBC [RFC3602]",
 *   "0x00112233445566778899aabbccddeeff","HMAC-SHA-1-96 [RFC2404]","0x…"
 *
 * protocol (IPv4, IPv6; `Any` accepted), source, destination, SPI,
 * encryption algorithm, encryption key, authentication algorithm,
 * authentication key; Wireshark 4.5 and later append the sequence number
 * length ("64-bit" for ESN) and the ESN high bits, read here too. Inside a
 * field, `\xHH` is a byte and `\\`, `\"` stand for themselves (uat.c's
 * escaping). Lines starting with `#` are comments.
 */
import { authByName, encByName, refusal } from './algorithms.ts';
import { buildSa } from './build.ts';
import { type EspSaSpec, parseAddrPattern, parseKey, parseSpiPattern, type SaProblem } from './sa.ts';

/** Splits one UAT record into its fields; a string is an error message. */
export function uatFields(line: string): string[] | string {
  const out: string[] = [];
  let i = 0;
  const n = line.length;
  for (;;) {
    while (i < n && (line[i] === ' ' || line[i] === '\t')) i++;
    let field = '';
    if (line[i] === '"') {
      i++;
      let closed = false;
      while (i < n) {
        const c = line[i]!;
        if (c === '"') { closed = true; i++; break; }
        if (c === '\\' && i + 1 < n) {
          const d = line[i + 1]!;
          if (d === 'x' && /^[0-9a-fA-F]{2}$/.test(line.slice(i + 2, i + 4))) {
            field += String.fromCharCode(parseInt(line.slice(i + 2, i + 4), 16));
            i += 4;
            continue;
          }
          field += d;
          i += 2;
          continue;
        }
        field += c;
        i++;
      }
      if (!closed) return 'a quoted field is not closed';
    } else {
      const j = line.indexOf(',', i);
      field = (j < 0 ? line.slice(i) : line.slice(i, j)).trim();
      i = j < 0 ? n : j;
    }
    out.push(field);
    while (i < n && (line[i] === ' ' || line[i] === '\t')) i++;
    if (i >= n) return out;
    if (line[i] !== ',') return `expected a comma after field ${out.length}`;
    i++;
  }
}

/**
 * Strips what a command line puts around the record: `-o`, the `uat:esp_sa:`
 * prefix, shell quotes, and shell-escaped inner quotes (`\"`).
 */
export function uatRecordText(line: string): string {
  let s = line.trim();
  if (s.startsWith('-o')) s = s.slice(2).trim();
  if ((s.startsWith("'") && s.endsWith("'")) || (s.startsWith('"uat:') && s.endsWith('"'))) s = s.slice(1, -1);
  if (s.startsWith('uat:esp_sa:')) {
    s = s.slice('uat:esp_sa:'.length);
    if (s.startsWith('\\"')) s = s.replace(/\\"/g, '"');
  }
  return s;
}

/** Parses one record; pushes problems; returns the SA or null. */
export function parseUatRecord(line: string, origin: string, problems: SaProblem[]): EspSaSpec | null {
  const err = (message: string): null => { problems.push({ origin, level: 'error', message }); return null; };
  const f = uatFields(uatRecordText(line));
  if (typeof f === 'string') return err(`not an esp_sa record: ${f}`);
  if (f.length !== 8 && f.length !== 10) {
    return err(`an esp_sa record has 8 fields (protocol, source, destination, SPI, encryption, encryption key, authentication, authentication key), or 10 with Wireshark 4.6's sequence-number fields; found ${f.length}`);
  }
  const proto = f[0]!.trim().toLowerCase();
  let family: 0 | 4 | 6;
  if (proto === 'ipv4') family = 4;
  else if (proto === 'ipv6') family = 6;
  else if (proto === 'any' || proto === '*' || proto === '') family = 0;
  else return err(`protocol "${f[0]}": expected IPv4 or IPv6`);
  const src = parseAddrPattern(f[1]!, family);
  if (typeof src === 'string') return err(`source ${src}`);
  const dst = parseAddrPattern(f[2]!, src.family);
  if (typeof dst === 'string') return err(`destination ${dst}`);
  const spi = parseSpiPattern(f[3]!);
  if (typeof spi === 'string') return err(spi);
  const encName = f[4]!.trim();
  const enc = encByName(encName);
  if (enc === undefined) return err(refusal(encName) || `encryption algorithm "${encName}" is not known`);
  const encKey = parseKey(f[5]!);
  if (typeof encKey === 'string') return err(`encryption ${encKey}`);
  const authName = f[6]!.trim();
  const auth = authByName(authName);
  if (auth === undefined) return err(refusal(authName) || `authentication algorithm "${authName}" is not known`);
  const authKey = parseKey(f[7]!);
  if (typeof authKey === 'string') return err(`authentication ${authKey}`);
  let esnHigh = -1;
  if (f.length === 10 && /64/.test(f[8]!)) {
    const hi = f[9]!.trim();
    const v = hi === '' ? 0 : /^0[xX][0-9a-fA-F]{1,8}$/.test(hi) ? parseInt(hi.slice(2), 16) : /^[0-9]{1,10}$/.test(hi) ? Number(hi) : -1;
    if (v < 0 || v > 0xffffffff) return err(`ESN high bits "${hi}": expected a 32-bit number`);
    esnHigh = v;
  }
  return buildSa({ origin, family: dst.family, src: src.pattern, dst: dst.pattern, spi, enc, encKey, auth, authKey, esnHigh }, problems);
}

/** Whether a line looks like an esp_sa record (file line or tshark -o form). */
export function isUatLine(line: string): boolean {
  const s = line.trim();
  return s.startsWith('"') || s.startsWith('uat:esp_sa:') || s.startsWith("'uat:esp_sa:") || s.startsWith('-o') || /^(ipv4|ipv6|any)\s*,/i.test(s);
}
