import { describe, expect, it } from 'vitest';
import { deflateSync, gzipSync } from 'fflate';
import { decodeShare, encodeShare, fromBase64Url, gunzipBounded, MAX_INFLATED, MAX_SHARED_KEYS, SHARE_PREFIX, toBase64Url, urlFileName } from './share.ts';

describe('share links', () => {
  it('round-trips script, name, tab and an embedded capture', () => {
    const bytes = new Uint8Array([0x0a, 0x0d, 0x0d, 0x0a, 1, 2, 3, 255]);
    const frag = encodeShare({ script: 'ip:::send { @[probename] = count(); }\n', name: 'x.d', tab: 'Hosts', options: '-q 2000', capture: { name: 'c.pcapng', bytes } });
    expect(frag.startsWith(SHARE_PREFIX)).toBe(true);
    expect(frag).toMatch(/^[A-Za-z0-9_=-]+$/);
    const st = decodeShare('#' + frag)!;
    expect(st.script).toBe('ip:::send { @[probename] = count(); }\n');
    expect(st.name).toBe('x.d');
    expect(st.tab).toBe('Hosts');
    expect(st.options).toBe('-q 2000');
    expect(st.capture?.name).toBe('c.pcapng');
    expect([...st.capture!.bytes]).toEqual([...bytes]);
  });
  it('carries ESP keys only when given, and refuses an oversized keys text', () => {
    const base = { script: '', name: 'a', tab: 'Output', options: '' };
    expect(decodeShare(encodeShare(base))!.espKeys).toBeUndefined();
    const keys = '"IPv4","*","*","0x100","NULL","","NULL",""\n';
    expect(decodeShare(encodeShare({ ...base, espKeys: keys }))!.espKeys).toBe(keys);
    const st = decodeShare(encodeShare({ ...base, espKeys: 'x'.repeat(MAX_SHARED_KEYS + 1) }))!;
    expect(st.script).toBe('');
    expect(st.espKeys).toBeUndefined();
  });
  it('gunzips a capture within a bound, and refuses what is not gzip or inflates past it', () => {
    const raw = new Uint8Array(5000).map((_, i) => i & 0xff);
    expect([...gunzipBounded(gzipSync(raw), 5000)!]).toEqual([...raw]);
    expect(gunzipBounded(gzipSync(raw), 4999)).toBeNull();
    expect(gunzipBounded(raw, 1 << 20)).toBeNull();
    const bad = gzipSync(raw);
    bad[bad.length - 20] ^= 0xff;
    expect(() => gunzipBounded(bad, 1 << 20)).not.toThrow();
  });
  it('keeps only http(s) capture URLs', () => {
    expect(decodeShare(encodeShare({ script: '', name: 'a', tab: 'Output', options: '', captureUrl: 'https://example.org/a.pcap' }))!.captureUrl).toBe('https://example.org/a.pcap');
    expect(decodeShare(encodeShare({ script: '', name: 'a', tab: 'Output', options: '', captureUrl: 'javascript:alert(1)' }))!.captureUrl).toBeUndefined();
  });
  it('rejects garbage without throwing', () => {
    for (const f of ['', '#', '#wt1=', '#wt1=!!!', '#wt1=AAAA', '#other=1', '#wt1=' + toBase64Url(deflateSync(new Uint8Array([255, 255, 255, 255, 1]))),
      '#wt1=' + toBase64Url(deflateSync(new TextEncoder().encode('\x05\x00\x00\x00{"v":2}')))]) {
      expect(decodeShare(f)).toBeNull();
    }
  });
  it('refuses a link that inflates past the bound', () => {
    const bomb = SHARE_PREFIX + toBase64Url(deflateSync(new Uint8Array(4 * 1024 * 1024)));
    expect(decodeShare(bomb, 1024 * 1024)).toBeNull();
    expect(MAX_INFLATED).toBeLessThanOrEqual(64 * 1024 * 1024);
  });
  it('base64url round-trips every byte value', () => {
    const all = Uint8Array.from({ length: 256 }, (_, i) => i);
    expect([...fromBase64Url(toBase64Url(all))!]).toEqual([...all]);
  });

  it('a capture URL with a malformed percent-encoding names the file as written, never a URIError', () => {
    expect(urlFileName('https://example.org/caps/a%20b.pcap')).toBe('a b.pcap');
    expect(urlFileName('https://example.org/caps/bad%E0%A4%A.pcap')).toBe('bad%E0%A4%A.pcap');
    expect(urlFileName('https://example.org/caps/%')).toBe('%');
    expect(urlFileName('http://[bad')).toBe('http://[bad');
    expect(urlFileName('https://example.org/')).toBe('https://example.org/');
  });
});
