/**
 * `dtrace -l`: the probe listing, in dtrace.c's format ("%5s %10s %17s %33s %s"
 * heading, "%5d %10s %17s %33s %s" rows). Without programs every probe is
 * listed; with -n/-s, the probes each description matches, in order.
 */
import type { EngineOptions, ProgramText } from './api.ts';
import { Session } from './session.ts';
import type { Probe } from '../d/types/probes.ts';

const row = (id: string, prov: string, mod: string, func: string, name: string): string =>
  `${id.padStart(5)} ${prov.padStart(10)} ${mod.padStart(17)} ${func.padStart(33)} ${name}\n`;

export function listProbes(programs: readonly ProgramText[], options: EngineOptions): { text: string; error?: string } {
  const s = new Session({ ...options, allowZeroMatch: true }, () => undefined);
  let probes: Probe[];
  if (programs.length === 0) probes = s.registry.probes.slice();
  else {
    const res = s.compile(programs);
    if (!res.ok) return { text: '', error: res.message };
    probes = [];
    for (const c of res.clauses) for (const p of c.probes) probes.push(p);
  }
  let text = row('ID', 'PROVIDER', 'MODULE', 'FUNCTION', 'NAME');
  for (const p of probes) text += row(String(p.id), p.provider, p.module, p.func, p.name);
  return { text };
}
