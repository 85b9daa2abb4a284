import { describe, expect, it } from 'vitest';
import { isGroupAddr, isLoopbackAddr, LocalSet, parseAddress } from './locals.ts';
import { FlowTable } from './flows.ts';

const b = (s: string): Uint8Array => parseAddress(s)!;

describe('parseAddress', () => {
  it('reads IPv4 and IPv6 text as inet_pton does', () => {
    expect([...b('192.168.1.108')]).toEqual([192, 168, 1, 108]);
    expect([...b('fe80::214:4fff:fe3b:76c8')]).toEqual([0xfe, 0x80, 0, 0, 0, 0, 0, 0, 0x02, 0x14, 0x4f, 0xff, 0xfe, 0x3b, 0x76, 0xc8]);
    expect([...b('::1')]).toEqual([...new Array<number>(15).fill(0), 1]);
    expect([...b('::ffff:10.0.0.1')].slice(10)).toEqual([0xff, 0xff, 10, 0, 0, 1]);
    for (const bad of ['1.2.3', '1.2.3.256', '1::2::3', 'x::1', '1:2:3:4:5:6:7:8:9', '']) expect(parseAddress(bad)).toBeNull();
  });
});

describe('LocalSet', () => {
  it('matches addresses and CIDR prefixes straight from packet bytes', () => {
    const s = new LocalSet();
    expect(s.add('192.168.1.108')).toBe('');
    expect(s.add('10.0.0.0/8')).toBe('');
    expect(s.add('fe80::/10')).toBe('');
    expect(s.add('10.0.0.0/33')).toMatch(/prefix/);
    expect(s.add('bogus')).toMatch(/invalid address/);
    const pkt = new Uint8Array([0, 0, ...b('10.200.3.4'), ...b('192.168.1.108'), ...b('192.168.1.109')]);
    expect(s.has(pkt, 2, 4)).toBe(true);
    expect(s.has(pkt, 6, 4)).toBe(true);
    expect(s.has(pkt, 10, 4)).toBe(false);
    expect(s.has(b('fe80::1'), 0, 16)).toBe(true);
    expect(s.has(b('fec0::1'), 0, 16)).toBe(false);
  });

  it('knows loopback and group addresses', () => {
    expect(isLoopbackAddr(b('127.0.0.53'), 0, 4)).toBe(true);
    expect(isLoopbackAddr(b('::1'), 0, 16)).toBe(true);
    expect(isLoopbackAddr(b('::2'), 0, 16)).toBe(false);
    expect(isGroupAddr(b('224.0.0.9'), 0, 4)).toBe(true);
    expect(isGroupAddr(b('255.255.255.255'), 0, 4)).toBe(true);
    expect(isGroupAddr(b('ff02::1'), 0, 16)).toBe(true);
    expect(isGroupAddr(b('192.168.1.255'), 0, 4)).toBe(false);
  });
});

describe('FlowTable', () => {
  it('gives one id per flow, the same both ways, and stays bounded', () => {
    const t = new FlowTable(16, 4);
    const pkt = new Uint8Array([...b('10.0.0.1'), ...b('10.0.0.2')]);
    const x = t.id(pkt, 0, 4, 4, 6, 1000, 80);
    expect(t.swapped).toBe(false);
    expect(t.id(pkt, 4, 0, 4, 6, 80, 1000)).toBe(x);
    expect(t.swapped).toBe(true);
    expect(t.id(pkt, 0, 4, 4, 17, 1000, 80)).not.toBe(x);
    expect(t.id(pkt, 0, 4, 4, 6, 1001, 80)).not.toBe(x);
    const seen = new Set<number>();
    for (let p = 0; p < 1000; p++) seen.add(t.id(pkt, 0, 4, 4, 6, 2000 + p, 80));
    expect(seen.size).toBe(1000); // the table was cleared many times; ids never repeat
  });

  it('keeps ids across growth', () => {
    const t = new FlowTable(1 << 12, 4);
    const pkt = new Uint8Array([...b('10.0.0.1'), ...b('10.0.0.2')]);
    const first = Array.from({ length: 1000 }, (_, p) => t.id(pkt, 0, 4, 4, 6, p, 80));
    expect(Array.from({ length: 1000 }, (_, p) => t.id(pkt, 4, 0, 4, 6, 80, p))).toEqual(first);
  });
});
