/**
 * Reads a key file: Wireshark esp_sa records (uat.ts), tshark's
 * `uat:esp_sa:` strings, and `ip xfrm state` output (xfrm.ts), in any mix,
 * one SA per record or block, in file order (which is the order SAs are
 * tried in, as Wireshark tries its table top to bottom). Blank lines and
 * `#` comments are skipped. Never throws: what cannot be used is a problem
 * with its line number.
 */
import type { ParsedSas, SaProblem, EspSaSpec } from './sa.ts';
import { isUatLine, parseUatRecord } from './uat.ts';
import { parseXfrmBlocks } from './xfrm.ts';

/** At most this many SAs are kept from one text (a key file is small; this bounds a hostile one). */
export const MAX_SAS = 4096;

export function parseEspSecrets(text: string, name: string): ParsedSas {
  const problems: SaProblem[] = [];
  const sas: EspSaSpec[] = [];
  const lines = text.split(/\r?\n/);
  const used = new Array<boolean>(lines.length).fill(false);
  const xfrm: EspSaSpec[] = [];
  parseXfrmBlocks(lines, name, problems, xfrm, used);
  // Keep file order across both formats: xfrm SAs carry their line in `origin`.
  const at = (sa: EspSaSpec): number => Number(sa.origin.slice(sa.origin.lastIndexOf(':') + 1));
  let x = 0;
  for (let i = 0; i < lines.length; i++) {
    while (x < xfrm.length && at(xfrm[x]!) <= i + 1) sas.push(xfrm[x++]!);
    if (used[i]) continue;
    const line = lines[i]!.trim();
    if (line === '' || line.startsWith('#')) continue;
    const origin = `${name}:${i + 1}`;
    if (!isUatLine(line)) {
      problems.push({ origin, level: 'error', message: 'neither an esp_sa record ("IPv4","src","dst","0xSPI",…) nor ip xfrm state output (src A dst B, then indented lines)' });
      continue;
    }
    const sa = parseUatRecord(line, origin, problems);
    if (sa !== null) sas.push(sa);
  }
  while (x < xfrm.length) sas.push(xfrm[x++]!);
  if (sas.length > MAX_SAS) {
    problems.push({ origin: name, level: 'warning', message: `more than ${MAX_SAS} SAs; the rest are ignored` });
    sas.length = MAX_SAS;
  }
  return { sas, problems };
}

/** One line per problem, as the CLI prints them: "keys.txt:3: <message>". */
export function problemText(p: SaProblem): string {
  return `${p.origin}: ${p.message}`;
}
