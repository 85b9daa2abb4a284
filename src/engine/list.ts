/**
 * `dtrace -l`: the probe listing, in dtrace.c's format ("%5s %10s %17s %33s %s"
 * heading, "%5d %10s %17s %33s %s" rows). Without programs every probe is
 * listed; with -n/-s, the probes each description matches, in order.
 * With -v each row is followed by print_probe_info's block: the probe's
 * stability attributes and its argument types as a D program sees them.
 */
import type { EngineOptions, ProgramText } from './api.ts';
import { Session } from './session.ts';
import type { Probe } from '../d/types/probes.ts';

const row = (id: string, prov: string, mod: string, func: string, name: string): string =>
  `${id.padStart(5)} ${prov.padStart(10)} ${mod.padStart(17)} ${func.padStart(33)} ${name}\n`;

/** A provider's stability triple (dtrace_pattr_t row): identifier names, data semantics, dependency class. */
type Attr = readonly [string, string, string];
const PRIVATE: Attr = ['Private', 'Private', 'Unknown'];
/**
 * Argument attributes by provider, as the kernel providers declare them: the
 * dtrace provider's are Stable/Common (dtrace_provider_attr), profile's
 * Evolving/Common (profile_attr), the network providers' Evolving/ISA (sdt's
 * attributes for ip, tcp and udp; the 2007 ipv4/ipv6 prototype was an sdt
 * provider too). Every probe's description attributes are the least of its
 * provider, module, function and name rows, Private/Private/Unknown for all
 * of them (a function name is always Private).
 */
const ARG_ATTR: Record<string, Attr> = {
  dtrace: ['Stable', 'Stable', 'Common'],
  profile: ['Evolving', 'Evolving', 'Common'],
};
const SDT_ARGS: Attr = ['Evolving', 'Evolving', 'ISA'];

/** print_probe_info (dtrace.c): the attribute blocks and the argument types. */
export function probeInfo(p: Probe): string {
  const block = (title: string, a: Attr): string =>
    `\n\t${title}\n\t\tIdentifier Names: ${a[0]}\n\t\tData Semantics:   ${a[1]}\n\t\tDependency Class: ${a[2]}\n`;
  let s = block('Probe Description Attributes', PRIVATE) + block('Argument Attributes', ARG_ATTR[p.provider] ?? SDT_ARGS);
  s += '\n\tArgument Types\n';
  // The dtrace and profile providers describe no arguments (no getargdesc): arg0/arg1 of a tick are raw values.
  const args = p.provider === 'dtrace' || p.provider === 'profile' ? [] : p.argTypes;
  args.forEach((t, i) => { s += `\t\targs[${i}]: ${t.name}\n`; });
  if (args.length === 0) s += '\t\tNone\n';
  return s + '\n';
}

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
  for (const p of probes) {
    text += row(String(p.id), p.provider, p.module, p.func, p.name);
    if (options.verbose) text += probeInfo(p);
  }
  return { text };
}
