import { describe, expect, it } from 'vitest';
import { argMembers, enclosingProbes, probeDoc } from './d-language.ts';

describe('enclosingProbes', () => {
  it('finds the descriptions of the clause around the cursor, past a predicate', () => {
    const src = 'BEGIN { x = 1; }\n\nip:::send,\nip:::receive\n/args[2]->ip_ver == 4/\n{\n\tprintf("%s", args[2]->';
    expect(enclosingProbes(src, src.length)).toEqual(['ip:::send', 'ip:::receive']);
  });
  it('is empty outside a clause', () => {
    expect(enclosingProbes('BEGIN { }\n', 10)).toEqual([]);
  });
});

describe('argMembers', () => {
  it('offers ipinfo_t members for args[2] of ip probes and tcpsinfo_t for args[3] of tcp', () => {
    const ip = 'ip:::send { args[2]->';
    expect(argMembers(ip, ip.length, 2)[0]!.members.map((m) => m[0])).toEqual(['ip_ver', 'ip_plength', 'ip_saddr', 'ip_daddr']);
    const tcp = 'tcp:::state-change { args[3]->';
    expect(argMembers(tcp, tcp.length, 3)[0]!.type).toBe('tcpsinfo_t');
    expect(argMembers(tcp, tcp.length, 5)[0]!.type).toBe('tcplsinfo_t');
  });
  it('follows the 2007 prototype layout for ipv4:::', () => {
    const p = 'ipv4:::send { args[2]->';
    expect(argMembers(p, p.length, 2)[0]!.members.map((m) => m[0])).toContain('ill_name');
  });
});

describe('probeDoc (hover docs)', () => {
  it('finds dtrace:::BEGIN, END and ERROR however the description is written', () => {
    for (const d of ['BEGIN', 'dtrace:::BEGIN', ':::BEGIN', 'dtrace::BEGIN', '::BEGIN']) expect(probeDoc(d)?.desc).toBe('BEGIN');
    expect(probeDoc('dtrace:::END')?.doc).toMatch(/end of capture/);
    expect(probeDoc('dtrace:::ERROR')?.doc).toMatch(/run-time error/);
    expect(probeDoc('ip:::BEGIN')).toBeNull();
  });
  it('matches partial and globbed network probe descriptions, and any tick or profile rate', () => {
    expect(probeDoc('ip:::send')?.args[3]).toBe('ifinfo_t');
    expect(probeDoc('ip::*:send')?.desc).toBe('ip:::send');
    expect(probeDoc('tcp:::state-change')?.args).toHaveLength(6);
    expect(probeDoc('tick-5sec')?.desc).toBe('tick-5sec');
    expect(probeDoc('profile:::profile-1001')?.doc).toMatch(/times a second/);
    expect(probeDoc('fbt:::entry')).toBeNull();
    expect(probeDoc('a:b:c:d:e')).toBeNull();
  });
});
