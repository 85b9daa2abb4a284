/**
 * fillIfInfo remembers a few converted interface names: layers alternate
 * between interfaces, and a name must still come out as its D byte string
 * (UTF-8 bytes, one char each) whichever slot it sits in or was evicted from.
 */
import { describe, expect, it } from 'vitest';
import { fillIfInfo, IfInfo } from '../args.ts';
import { byteString } from '../bytestr.ts';

describe('fillIfInfo', () => {
  it('gives each name its byte string across more names than it remembers', () => {
    const names = ['eth0', 'ip.tun0', 'vxlan1000', 'en0-café', 'gre0', 'wlan0', 'tun0'];
    const o = new IfInfo();
    for (let round = 0; round < 3; round++) {
      for (let i = 0; i < names.length; i++) {
        const n = round === 1 ? names[(i * 3) % names.length]! : names[i]!;
        fillIfInfo(o, n, (i & 1) === 1);
        expect(o.if_name).toBe(byteString(n));
        expect(o.ill_name).toBe(o.if_name);
        expect(o.if_local).toBe(i & 1);
      }
    }
    fillIfInfo(o, 'en0-café', false);
    expect(o.if_name).toBe('en0-caf\xc3\xa9');
  });

  it('a fresh name built per frame (same text, new string) reads the same', () => {
    const o = new IfInfo();
    for (let k = 0; k < 10; k++) {
      fillIfInfo(o, 'eth0', false);
      fillIfInfo(o, ['vxlan', 1000 + (k % 6)].join(''), false);
      expect(o.if_name).toBe(`vxlan${1000 + (k % 6)}`);
    }
  });
});
