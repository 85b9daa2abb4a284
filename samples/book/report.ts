/**
 * `npx tsx samples/book/report.ts [script...]`: runs every book case (or
 * those of the named scripts) and prints PASS/FAIL with the reason, grouped
 * by reason — the material for known-failures.json.
 */
import { CASES, caseId, KNOWN, runCase } from './cases.ts';

const only = process.argv.slice(2);
const byReason = new Map<string, string[]>();
let pass = 0, total = 0;
for (const [script, caps] of Object.entries(CASES)) {
  if (only.length > 0 && !only.includes(script)) continue;
  for (const capture of caps) {
    total++;
    const id = caseId(script, capture);
    const f = runCase(script, capture);
    const known = KNOWN[id] !== undefined ? ' (known)' : '';
    process.stdout.write(`${f === null ? 'PASS' : 'FAIL'}${known} ${id}${f === null ? '' : '\n    ' + f.replace(/\n/g, '\n    ')}\n`);
    if (f === null) pass++;
    else {
      const key = f.split('\n')[0]!;
      byReason.set(key, [...(byReason.get(key) ?? []), id]);
    }
  }
}
process.stdout.write(`\n${pass}/${total} pass\n`);
for (const [r, ids] of byReason) process.stdout.write(`\n${r}\n  ${ids.join('\n  ')}\n`);
