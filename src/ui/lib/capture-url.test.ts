import { describe, expect, it } from 'vitest';
import { captureParam, checkCaptureUrl } from './capture-url.ts';

const BASE = 'https://wiretrace.example/app/';

describe('captureParam', () => {
  it('reads and decodes capture=', () => {
    expect(captureParam('?capture=https%3A%2F%2Fx.org%2Fa%20b.pcap&x=1')).toEqual({ value: 'https://x.org/a b.pcap' });
    expect(captureParam('?x=1')).toBeNull();
    expect(captureParam('')).toBeNull();
  });
  it('refuses malformed percent-encoding with a message instead of throwing URIError', () => {
    for (const s of ['?capture=%E0%A4%A', '?capture=%zz', '?capture=%']) {
      const r = captureParam(s);
      expect(r && 'error' in r && r.error).toMatch(/percent-encoding is malformed/);
    }
  });
});

describe('checkCaptureUrl', () => {
  it('refuses javascript:, data: and file: addresses, saying so', () => {
    expect(checkCaptureUrl('javascript:alert(1)', BASE)).toEqual({ ok: false, error: 'Refused to open javascript: code as a capture: only http: and https: addresses are fetched.' });
    expect(checkCaptureUrl('data:,x', BASE).ok).toBe(false);
    expect(checkCaptureUrl('file:///etc/passwd', BASE).ok).toBe(false);
    expect(checkCaptureUrl('   ', BASE).ok).toBe(false);
    expect(checkCaptureUrl('http://[::1', BASE).ok).toBe(false);
  });
  it('resolves relative addresses, names the file, and flags another origin', () => {
    expect(checkCaptureUrl('samples/a%20b.pcapng', BASE)).toEqual({ ok: true, url: 'https://wiretrace.example/app/samples/a%20b.pcapng', name: 'a b.pcapng', crossOrigin: false });
    const other = checkCaptureUrl('https://elsewhere.example/c.pcap', BASE);
    expect(other.ok && other.crossOrigin).toBe(true);
    // A malformed escape in the path names the file as written (no URIError).
    const odd = checkCaptureUrl('https://wiretrace.example/%E0%A4%A.pcap', BASE);
    expect(odd.ok && odd.name).toBe('%E0%A4%A.pcap');
  });
});
