/**
 * Capture text becomes D byte strings: dtrace counts and prints a string's
 * bytes, so a UTF-8 interface or process name is its UTF-8 bytes in D
 * (strlen counts them; the CLI writes them; the web app decodes them).
 */
import { describe, expect, it } from 'vitest';
import { eth, ipv4, udp } from '../../../samples/gen/craft.ts';
import { byteString } from '../bytestr.ts';
import { lines, LOCAL_MAC, PEER_MAC, pcapng, trace } from './harness.ts';

const pkt = () => eth(LOCAL_MAC, PEER_MAC, ipv4({ src: '10.0.0.1', dst: '10.0.0.2' }, udp({ sport: 1, dport: 2 }, 'x')));
const utf8Bytes = (s: string) => String.fromCharCode(...new TextEncoder().encode(s));

describe('capture text as D byte strings', () => {
  it('converts only what is not ASCII', () => {
    const ascii = 'en0';
    expect(byteString(ascii)).toBe(ascii);
    expect(byteString('café€')).toBe('caf\xc3\xa9\xe2\x82\xac');
    expect(byteString('')).toBe('');
  });

  it('if_name and execname are UTF-8 bytes: strlen counts bytes, as dtrace does', async () => {
    const cap = pcapng([
      { data: pkt(), dir: 'out', extra: [{ code: 0x8001, u32: 0 }] },
      { data: pkt(), dir: 'out', iface: 1 },
    ], [{ name: 'café€' }, { name: 'en1' }], [{ pid: 7, name: 'naïve' }]);
    const r = await trace('ip:::send { printf("%s %d %s %d\\n", args[3]->if_name, strlen(args[3]->if_name), execname, strlen(execname)); }', [cap]);
    expect(lines(r.out)).toEqual([`${utf8Bytes('café€')} 8 ${utf8Bytes('naïve')} 6`, 'en1 3  0']);
  });
});
