/** `dtrace -l` / `-lv`: dtrace.c's list_probe and print_probe_info layouts. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { listProbes } from './list.ts';
import './capture-run.ts';

const list = (text: string, verbose = true): string => {
  const r = listProbes([{ kind: 'inline', text, name: 'x' }], { verbose });
  if (r.error) throw new Error(r.error);
  return r.text;
};

/** What dtrace-utils' tst.lv-*.r.p keeps: the first probe's row as "PROBE prov mod name", then its block. */
function postprocess(out: string): string {
  const ls = out.split('\n');
  const f = ls[1]!.trim().split(/\s+/);
  const rest: string[] = [];
  for (const l of ls.slice(2)) { if (/^ *[0-9]+/.test(l)) break; rest.push(l); }
  return [`PROBE ${f[1]} ${f[2]} ${f[f.length - 1]}`, ...rest].join('\n');
}

describe('dtrace -lv', () => {
  for (const n of ['receive', 'send']) {
    it(`ip:::${n} prints Linux dtrace's block (tst.lv-${n}.r), module aside`, () => {
      const want = readFileSync(new URL(`../../test/dtrace-utils/lv/ip-lv-${n}.r`, import.meta.url), 'latin1');
      expect(postprocess(list(`ip:::${n}`))).toBe(want.replace(' vmlinux ', ' ip ').replace(/\n$/, ''));
    });
  }

  it('tcp and udp probes list their translated argument types; BEGIN and tick have none', () => {
    const tcp = list('tcp:::state-change');
    expect(tcp).toContain('\t\targs[0]: void\n\t\targs[1]: csinfo_t *\n\t\targs[2]: void\n\t\targs[3]: tcpsinfo_t *\n\t\targs[4]: void\n\t\targs[5]: tcplsinfo_t *\n');
    expect(list('udp:::receive')).toContain('\t\targs[3]: udpsinfo_t *\n\t\targs[4]: udpinfo_t *\n');
    const begin = list('BEGIN');
    expect(begin).toBe('   ID   PROVIDER            MODULE                          FUNCTION NAME\n'
      + '    1     dtrace                                                     BEGIN\n\n'
      + '\tProbe Description Attributes\n\t\tIdentifier Names: Private\n\t\tData Semantics:   Private\n\t\tDependency Class: Unknown\n\n'
      + '\tArgument Attributes\n\t\tIdentifier Names: Stable\n\t\tData Semantics:   Stable\n\t\tDependency Class: Common\n\n'
      + '\tArgument Types\n\t\tNone\n\n');
    expect(list('profile:::tick-1s')).toContain('\t\tIdentifier Names: Evolving\n\t\tData Semantics:   Evolving\n\t\tDependency Class: Common\n\n\tArgument Types\n\t\tNone\n');
  });

  it('without -v, rows only', () => {
    expect(list('BEGIN', false)).toBe('   ID   PROVIDER            MODULE                          FUNCTION NAME\n    1     dtrace                                                     BEGIN\n');
  });
});
