/**
 * The probe registry: every probe wiretrace can fire, with its argument
 * types, and the matching of probe descriptions against it.
 *
 * Providers register probes in two ways: eagerly (`register`), or on demand
 * through a `provide` hook asked about each description that matches nothing
 * yet (how dtrace's profile provider creates `tick-42ms` when a script names
 * it). The dtrace provider (BEGIN, END, ERROR with IDs 1, 2, 3) and the
 * profile provider are built in; the network providers register theirs with
 * `registerProvider` before a program is compiled.
 *
 * Matching follows dtrace (dt_gmatch / dtrace_match): each field of the
 * description is a glob (`*`, `?`, `[...]`, `\` escapes) and an empty field
 * matches anything. A probe may carry a module alias (FreeBSD's `kernel`
 * for the ip/tcp/udp providers): its module field matches either name.
 */
import type { DType } from './types.ts';
import { builtinTypes } from './builtins.ts';

export interface Probe {
  id: number;
  provider: string;
  module: string;
  func: string;
  name: string;
  /** Types of args[0..]; arg0..arg9 are the raw 64-bit values. */
  argTypes: DType[];
  /** Native (untranslated) argument type names for `dtrace -lv`. */
  argNative?: string[];
  /** profile/tick interval in ns, for the virtual clock. */
  intervalNs?: number;
  /** 'tick' fires on one CPU, 'profile' on every CPU (one here). */
  profileKind?: 'tick' | 'profile';
  /**
   * A second name the module field of a description may match: FreeBSD's
   * SDT network probes live in module `kernel` (`tcp:kernel::accept-established`)
   * where illumos has `ip`. `-l` and `probemod` show `module`; the alias
   * only widens matching, and a probe is tested once per description, so it
   * never matches twice.
   */
  moduleAlias?: string;
}

export interface ProbeDescFields { provider: string; module: string; func: string; name: string }

/** A provider's on-demand hook: create probes for a description, if it names any. */
export type ProvideHook = (reg: ProbeRegistry, desc: ProbeDescFields) => void;

export class ProbeRegistry {
  readonly probes: Probe[] = [];
  private readonly hooks: { provider: string; hook: ProvideHook }[] = [];
  private readonly byKey = new Map<string, Probe>();

  register(provider: string, module: string, func: string, name: string, argTypes: DType[] = [], extra?: Partial<Probe>): Probe {
    const key = `${provider}:${module}:${func}:${name}`;
    const old = this.byKey.get(key);
    if (old) return old;
    const p: Probe = { id: this.probes.length + 1, provider, module, func, name, argTypes, ...extra };
    this.probes.push(p);
    this.byKey.set(key, p);
    return p;
  }

  addProvideHook(provider: string, hook: ProvideHook): void {
    this.hooks.push({ provider, hook });
  }

  byId(id: number): Probe | undefined {
    return this.probes[id - 1];
  }

  lookup(provider: string, module: string, func: string, name: string): Probe | undefined {
    return this.byKey.get(`${provider}:${module}:${func}:${name}`);
  }

  /** All probes matching a description, creating on-demand probes first. */
  match(d: ProbeDescFields): Probe[] {
    for (const h of this.hooks) if (gmatch(h.provider, d.provider)) h.hook(this, d);
    const out: Probe[] = [];
    for (const p of this.probes) {
      if (gmatch(p.provider, d.provider) && gmatch(p.func, d.func) && gmatch(p.name, d.name)
        && (gmatch(p.module, d.module) || (p.moduleAlias !== undefined && gmatch(p.moduleAlias, d.module)))) out.push(p);
    }
    return out;
  }
}

/** dtrace's glob match; an empty pattern matches everything. */
export function gmatch(s: string, p: string): boolean {
  if (p === '' || p === '*') return true;
  return globAt(s, 0, p, 0);
}

function globAt(s: string, si: number, p: string, pi: number): boolean {
  while (pi < p.length) {
    const c = p[pi]!;
    if (c === '*') {
      while (p[pi] === '*') pi++;
      if (pi === p.length) return true;
      for (let k = si; k <= s.length; k++) if (globAt(s, k, p, pi)) return true;
      return false;
    }
    if (si >= s.length) return false;
    if (c === '?') { si++; pi++; continue; }
    if (c === '[') {
      let k = pi + 1;
      const neg = p[k] === '!' || p[k] === '^';
      if (neg) k++;
      let ok = false;
      let first = true;
      while (k < p.length && (p[k] !== ']' || first)) {
        first = false;
        if (p[k + 1] === '-' && k + 2 < p.length && p[k + 2] !== ']') {
          if (s[si]! >= p[k]! && s[si]! <= p[k + 2]!) ok = true;
          k += 3;
        } else {
          if (s[si] === p[k]) ok = true;
          k++;
        }
      }
      if (k >= p.length) return false; // unterminated: no match
      if (ok === neg) return false;
      si++;
      pi = k + 1;
      continue;
    }
    if (c === '\\' && pi + 1 < p.length) { if (s[si] !== p[pi + 1]) return false; si++; pi += 2; continue; }
    if (s[si] !== c) return false;
    si++;
    pi++;
  }
  return si === s.length;
}

/** Does the pattern contain glob characters? */
export function isGlob(p: string): boolean {
  return /[*?[\\]/.test(p);
}

// ---------------------------------------------------------------- profile provider

const NANOSEC = 1_000_000_000;
/** illumos profile.c profile_interval_min: NANOSEC / 5000. */
export const PROFILE_INTERVAL_MIN = NANOSEC / 5000;
const SUFFIXES: [string, number][] = [
  ['ns', 1], ['nsec', 1], ['us', 1000], ['usec', 1000], ['ms', 1e6], ['msec', 1e6], ['s', NANOSEC], ['sec', NANOSEC],
  ['m', 60 * NANOSEC], ['min', 60 * NANOSEC], ['h', 3600 * NANOSEC], ['hour', 3600 * NANOSEC],
  ['d', 86400 * NANOSEC], ['day', 86400 * NANOSEC], ['hz', 0],
];

/**
 * profile.c's name parser: `tick-` or `profile-`, digits, optional suffix.
 * Returns the interval in ns, or undefined if the name is not a valid rate
 * or the interval is below profile_interval_min (200us, 5000hz) — then no
 * probe exists and the description matches nothing, as on illumos.
 */
export function parseProfileName(name: string): { kind: 'tick' | 'profile'; intervalNs: number } | undefined {
  const kind = name.startsWith('tick-') ? 'tick' : name.startsWith('profile-') ? 'profile' : undefined;
  if (!kind) return undefined;
  const rest = name.slice(kind === 'tick' ? 5 : 8);
  const m = /^([0-9]+)([A-Za-z]*)$/.exec(rest);
  if (!m) return undefined;
  const val = Number(m[1]);
  if (!Number.isFinite(val) || val === 0) return undefined;
  const suf = m[2]!.toLowerCase();
  let mult: number | undefined;
  if (suf === '') mult = 0;
  else for (const [s, v] of SUFFIXES) if (s === suf) { mult = v; break; }
  if (mult === undefined) return undefined;
  const interval = mult === 0 ? Math.floor(NANOSEC / val) : val * mult;
  if (interval < PROFILE_INTERVAL_MIN) return undefined;
  return { kind, intervalNs: interval };
}

const PROFILE_DEFAULTS = [
  'profile-97', 'profile-199', 'profile-499', 'profile-997', 'profile-1999', 'profile-4001', 'profile-4999',
  'tick-1', 'tick-10', 'tick-100', 'tick-500', 'tick-1000', 'tick-5000',
];

function profileProbe(reg: ProbeRegistry, name: string): void {
  const p = parseProfileName(name);
  if (!p) return;
  const t = builtinTypes();
  const u64 = t.parse('uint64_t');
  reg.register('profile', '', '', name, [u64, u64], { intervalNs: p.intervalNs, profileKind: p.kind, argNative: ['uint64_t', 'uint64_t'] });
}

/** A provider module: registers its probes (and on-demand hooks) in a fresh registry. */
export interface ProbeModule { name: string; register(reg: ProbeRegistry): void }

const probeModules: ProbeModule[] = [];

/** Add a provider module to every registry created from now on (the network providers add theirs). */
export function addProbeModule(m: ProbeModule): void {
  if (!probeModules.some((x) => x.name === m.name)) probeModules.push(m);
}

export function probeModuleList(): readonly ProbeModule[] {
  return probeModules;
}

/** A registry holding the dtrace and profile providers, then every added provider module. */
export function createRegistry(): ProbeRegistry {
  const reg = new ProbeRegistry();
  reg.register('dtrace', '', '', 'BEGIN');
  reg.register('dtrace', '', '', 'END');
  const t = builtinTypes();
  const u64 = t.parse('uint64_t');
  const i32 = t.parse('int');
  // ERROR: arg1 EPID, arg2 action index, arg3 DIF offset, arg4 fault, arg5 fault value.
  reg.register('dtrace', '', '', 'ERROR', [u64, u64, i32, i32, i32, u64]);
  for (const n of PROFILE_DEFAULTS) profileProbe(reg, n);
  reg.addProvideHook('profile', (r, d) => {
    if ((d.module !== '' && d.module !== '*') || (d.func !== '' && d.func !== '*') || isGlob(d.name)) return;
    profileProbe(r, d.name);
  });
  for (const m of probeModules) m.register(reg);
  return reg;
}
