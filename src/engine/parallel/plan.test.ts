/**
 * The parallel verdict of every sample script and of the rules' edge cases:
 * which programs may run on several workers, which fall back and why.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { Session } from '../session.ts';
import '../run.ts';
import { partialReasons, planParallel, type ParallelPlan } from './plan.ts';

function plan(text: string, quiet = false, name = 'x.d'): ParallelPlan {
  const s = new Session({ quiet }, () => undefined);
  s.applyXopts();
  const res = s.compile([{ name, text, kind: 'file' }]);
  if (!res.ok) throw new Error(res.message);
  return planParallel(res);
}

const file = (p: string): string => readFileSync(new URL(`../../../${p}`, import.meta.url), 'latin1');

describe('sample scripts', () => {
  const cases: [string, boolean, RegExp | null][] = [
    ['samples/scripts/ip_count.d', true, null],
    ['samples/scripts/ip_bytes_by_host.d', true, null],
    ['samples/scripts/ip_protocols.d', true, null],
    ['samples/scripts/ipio01.d', true, null],
    ['samples/scripts/tcp_connlat.d', true, null],
    ['samples/scripts/tcpsnoop.d', true, null],
    ['samples/scripts/udp_dns.d', true, null],
    ['samples/book/tcp_rwndclosed.d', true, null],
    ['samples/scripts/ipio.d', false, /the global last is written by a packet clause/],
    ['samples/scripts/ip_trace.d', false, /the global last/],
    ['samples/scripts/ip_rates.d', false, /the global pin is written/],
    ['samples/scripts/ip_tunnels.d', false, /global array seen\[\] is written by a packet clause under a key that does not name the flow/],
    ['samples/scripts/tcp_acceptlat.d', false, /global array first\[\]/],
    ['samples/scripts/tcp_states.d', false, /the global start/],
    ['samples/scripts/ipio03.d', false, /ipv4:::write pairs an ESP packet/],
  ];
  for (const [p, parallel, why] of cases) {
    it(`${p.split('/').pop()}: ${parallel ? 'parallel' : 'one worker'}`, () => {
      const r = plan(file(p), false, p);
      expect(r.parallel, r.reasons.join('\n')).toBe(parallel);
      if (why) expect(r.reasons.join('\n')).toMatch(why);
      if (why) expect(r.reasons[0]).toMatch(new RegExp(`^${p.replace(/[./]/g, '\\$&')}:\\d+: `));
    });
  }
  it('tcpio.d prints cpu: parallel, and its cpu values name the worker', () => {
    const r = plan(file('samples/book/tcpio.d'));
    expect(r.parallel).toBe(true);
    expect(r.cpuVisible).toBe(true);
    expect(plan(file('samples/scripts/ip_count.d')).cpuVisible).toBe(false);
  });
});

describe('rules', () => {
  const yes = (t: string, quiet = true): ParallelPlan => { const r = plan(t, quiet); expect(r.reasons).toEqual([]); return r; };
  const no = (t: string, why: RegExp): void => { const r = plan(t, true); expect(r.parallel).toBe(false); expect(r.reasons.join('\n')).toMatch(why); };

  it('aggregations, clause-locals, thread-locals, printing: parallel', () => {
    yes('ip:::send { this->n = args[2]->ip_plength; self->last = timestamp; @[args[2]->ip_daddr] = quantize(this->n); printf("%d\\n", this->n); }');
    yes('tcp:::send { self->t[args[4]->tcp_dport] = timestamp; } tcp:::receive /self->t[args[4]->tcp_sport]/ { @ = avg(timestamp - self->t[args[4]->tcp_sport]); }');
  });
  it('globals BEGIN sets are read anywhere; END may write', () => {
    yes('BEGIN { limit = 100; names[6] = "tcp"; } ip:::send /args[2]->ip_plength > limit/ { @[names[args[4]->ipv4_protocol]] = count(); } END { limit = 0; }');
  });
  it('arrays keyed by the flow (tid, cs_cid) are per flow', () => {
    yes('tcp:::connect-request { start[args[1]->cs_cid] = timestamp; } tcp:::connect-established /start[args[1]->cs_cid]/ { @ = quantize(timestamp - start[args[1]->cs_cid]); start[args[1]->cs_cid] = 0; }');
    yes('ip:::send { seen[tid, args[2]->ip_daddr] = 1; } ip:::receive /seen[tid, args[2]->ip_saddr]/ { @ = count(); }');
  });
  it('a flow-keyed array read on the coordinator falls back', () => {
    no('ip:::send { n[args[1]->cs_cid] = 1; } END { printf("%d", n[1]); }', /n\[\] is written by packet clauses and read here, on the coordinator/);
  });
  it('a global written by a packet clause falls back, also through ++, op= and struct members', () => {
    no('ip:::send { last = timestamp; }', /global last is written/);
    no('BEGIN { n = 0; } ip:::send { n++; }', /global n is written/);
    no('BEGIN { n = 0; } ip:::send { n += 2; }', /global n is written/);
    no('struct s { int a; }; struct s g; ip:::send { g.a = 1; }', /global g is written/);
  });
  it('a global a tick writes and a packet clause reads falls back', () => {
    no('tick-1sec { secs++; } ip:::send { @[secs] = count(); }', /global secs is read by a packet clause and written by a tick clause/);
    yes('tick-1sec { secs++; printf("%d\\n", secs); } ip:::send { @ = count(); }');
  });
  it('tid and cs_cid as values fall back', () => {
    no('ip:::send { @[tid] = count(); }', /tid \(connection ids are numbered per worker\)/);
    no('tcp:::send { printf("%d\\n", args[1]->cs_cid); }', /cs_cid/);
  });
  it('consumer actions, exit, speculation, rand and pointer stores in packet clauses fall back', () => {
    no('ip:::send { exit(0); }', /exit\(\)/);
    no('ip:::send { @ = count(); printa(@); }', /printa\(\)/);
    no('ip:::send { @ = count(); trunc(@, 1); }', /trunc\(\)/);
    no('ip:::send { @ = count(); normalize(@, 2); }', /normalize\(\)/);
    no('ip:::send { setopt("quiet"); }', /setopt\(\)/);
    no('ip:::send { s = speculation(); }', /speculation\(\)/);
    no('ip:::send { @ = sum(rand()); }', /rand\(\)/);
    no('ip:::send { *(int *)args[2] = 1; }', /store through a pointer/);
    no('ERROR { exit(1); } ip:::send { trace(*(int *)0); }', /exit\(\)/);
  });
  it('tick clauses that print or clear aggregations, or exit, are synchronisation points', () => {
    const r = yes('ip:::send { @ = count(); } tick-1sec { printa(@); clear(@); } tick-5sec { exit(0); } tick-2sec { printf("tick\\n"); }');
    expect(r.syncProbes.size).toBe(2);
  });
  it('non-quiet recording clauses and cpu show the worker', () => {
    expect(plan('ip:::send { trace(1); }').cpuVisible).toBe(true);
    expect(plan('ip:::send {}', false).cpuVisible).toBe(true);
    expect(plan('ip:::send { trace(1); }', true).cpuVisible).toBe(false);
    expect(plan('ip:::send { @[cpu] = count(); }', true).cpuVisible).toBe(true);
    expect(plan('ip:::send { @ = count(); }').cpuVisible).toBe(false);
  });
  it('inlines are looked through', () => {
    no('inline int t = tid; ip:::send { @[t] = count(); }', /tid/);
  });
  it('partials: BEGIN and tick aggregations, and the parallel rules, are refused', () => {
    expect(partialReasons(plan('ip:::send { @ = count(); } END { @ = count(); printa(@); }'))).toEqual([]);
    expect(partialReasons(plan('BEGIN { @ = count(); } ip:::send { @ = count(); }')).join()).toMatch(/BEGIN or a tick/);
    expect(partialReasons(plan('ip:::send { @ = count(); } tick-1s { printa(@); clear(@); }')).join()).toMatch(/BEGIN or a tick/);
    expect(partialReasons(plan('ip:::send { last = 1; }')).join()).toMatch(/global last/);
  });
});
