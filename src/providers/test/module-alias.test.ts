/**
 * FreeBSD names the ip, tcp and udp SDT probes' module `kernel`
 * (share/dtrace/tcptrack: `tcp:kernel::accept-established`); illumos names
 * it `ip`. Both names match the same probes, once each; `-l` keeps `ip`.
 */
import { describe, expect, it } from 'vitest';
import { ProbeRegistry } from '../../d/types/probes.ts';
import { registerNetworkProviders } from '../probes.ts';

const names = (reg: ProbeRegistry, provider: string, module: string, func: string, name: string): string[] =>
  reg.match({ provider, module, func, name }).map((p) => `${p.provider}:${p.module}:${p.func}:${p.name}`);

describe('module `kernel` as FreeBSD names the network probes', () => {
  const reg = new ProbeRegistry();
  registerNetworkProviders(reg);

  it('matches the same probes as module ip', () => {
    for (const [prov, name] of [['tcp', 'accept-established'], ['tcp', 'state-change'], ['udp', 'receive'], ['ip', 'send'], ['tcp', '']]) {
      const viaIp = names(reg, prov!, 'ip', '', name!);
      expect(viaIp.length).toBeGreaterThan(0);
      expect(names(reg, prov!, 'kernel', '', name!)).toEqual(viaIp);
    }
    expect(names(reg, 'tcp', 'kernel', '', 'accept-established')).toEqual(['tcp:ip:tcp_input_data:accept-established']);
  });

  it('never matches a probe twice (a glob matching both names)', () => {
    const all = names(reg, 'udp', '*', '', '');
    expect(names(reg, 'udp', '[ik]*', '', '')).toEqual(all);
    expect(new Set(all).size).toBe(all.length);
  });

  it('is not a name of the 2007 prototype providers, and other modules still match nothing', () => {
    expect(names(reg, 'ipv4', 'kernel', '', 'send')).toEqual([]);
    expect(names(reg, 'ipv6', 'kernel', '', '')).toEqual([]);
    expect(names(reg, 'tcp', 'kern', '', '')).toEqual([]);
    expect(names(reg, 'tcp', 'tcp', '', '')).toEqual([]);
  });

  it('keeps the listed module ip', () => {
    expect(reg.match({ provider: 'tcp', module: 'kernel', func: '', name: 'send' }).map((p) => p.module)).toEqual(['ip']);
  });
});
