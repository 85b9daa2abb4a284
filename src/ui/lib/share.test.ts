import { describe, expect, it } from 'vitest';
import { deflateSync, gzipSync } from 'fflate';
import { crc32, decodeShare, encodeShare, fromBase64Url, gunzipBounded, MAX_INFLATED, MAX_SHARED_KEYS, readShare, SHARE_PREFIX, toBase64Url } from './share.ts';

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
    const js = decodeShare(encodeShare({ script: '', name: 'a', tab: 'Output', options: '', captureUrl: 'javascript:alert(1)' }))!;
    expect(js.captureUrl).toBeUndefined();
    expect(js.refusedCaptureUrl).toBe('javascript:alert(1)');
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
  it('says why a damaged link is damaged: a character changed, the end cut off, garbage, a payload that inflates past the limit', () => {
    const good = encodeShare({ script: 'ip:::send { @[args[2]->ip_daddr] = count(); }\n'.repeat(20), name: 'x.d', tab: 'Hosts', options: '' });
    expect(readShare(good).kind).toBe('ok');
    // Every single-character change anywhere in the data is caught (raw deflate alone would let many through).
    const body = good.slice(SHARE_PREFIX.length);
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    for (let i = 0; i < body.length - 1; i++) {
      const c = alphabet[(alphabet.indexOf(body[i]!) + 17) % 64]!;
      const r = readShare(SHARE_PREFIX + body.slice(0, i) + c + body.slice(i + 1));
      expect(r.kind, `changed at ${i}`).toBe('damaged');
    }
    for (const cut of [1, 5, Math.floor(body.length / 2), body.length - 1]) expect(readShare(SHARE_PREFIX + body.slice(0, cut)).kind).toBe('damaged');
    const bad = readShare('#wt2=AAAA!!<b>');
    expect(bad.kind === 'damaged' && bad.reason).toMatch(/characters/);
    const empty = readShare('#wt2=');
    expect(empty.kind === 'damaged' && empty.reason).toMatch(/cut off/);
    const bomb = readShare(SHARE_PREFIX + toBase64Url(deflateSync(new Uint8Array(4 * 1024 * 1024))), 1024 * 1024);
    expect(bomb.kind === 'damaged' && bomb.reason).toMatch(/more than 1 MB/);
    expect(readShare('#section-2').kind).toBe('none');
    expect(readShare('').kind).toBe('none');
  });
  it('still reads version 1 links (no checksum)', () => {
    const json = new TextEncoder().encode(JSON.stringify({ v: 1, script: 'BEGIN { exit(0); }', name: 'old.d', tab: 'Output' }));
    const p = new Uint8Array(4 + json.length);
    new DataView(p.buffer).setUint32(0, json.length, true);
    p.set(json, 4);
    expect(decodeShare('#wt1=' + toBase64Url(deflateSync(p)))?.name).toBe('old.d');
  });
  it('names a capture that was left out of the link, with its size', () => {
    const st = decodeShare(encodeShare({ script: '', name: 'a.d', tab: 'Output', options: '', captureLeftOut: { name: 'big.pcapng', size: 123456789 } }))!;
    expect(st.captureLeftOut).toEqual({ name: 'big.pcapng', size: 123456789 });
    expect(st.capture).toBeUndefined();
  });
  it('computes the standard CRC-32', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
  });
});
