import { afterEach, describe, expect, it, vi } from 'vitest';
import { fetchCapture, responseProblem } from './fetch-capture.ts';

describe('responseProblem', () => {
  it('names the URL and the HTTP status', () => {
    expect(responseProblem('https://x.org/a.pcap', 404, 'Not Found', 'text/html')).toBe('cannot open https://x.org/a.pcap: the server answered HTTP 404 Not Found');
    expect(responseProblem('https://x.org/a.pcap', 500, '', null)).toBe('cannot open https://x.org/a.pcap: the server answered HTTP 500');
  });
  it('refuses a web page or text sent in place of a capture, naming its content type', () => {
    expect(responseProblem('https://x.org/a.pcap', 200, 'OK', 'text/html; charset=utf-8')).toMatch(/sent a web page \(Content-Type: text\/html\), not a capture/);
    expect(responseProblem('https://x.org/a.pcap', 200, 'OK', 'application/json')).toMatch(/sent text \(Content-Type: application\/json\)/);
  });
  it('accepts binary and unlabelled responses', () => {
    for (const t of [null, '', 'application/octet-stream', 'application/vnd.tcpdump.pcap', 'application/x-pcapng']) expect(responseProblem('u', 200, 'OK', t)).toBeNull();
  });
});

describe('fetchCapture', () => {
  afterEach(() => { vi.unstubAllGlobals(); });
  it('turns a failed request into a message naming the URL, not "Failed to fetch"', async () => {
    vi.stubGlobal('fetch', () => Promise.reject(new TypeError('Failed to fetch')));
    await expect(fetchCapture('https://elsewhere.example/c.pcapng')).rejects.toThrow(/cannot open https:\/\/elsewhere\.example\/c\.pcapng: the request failed/);
  });
  it('passes a capture response through and refuses an HTML one', async () => {
    vi.stubGlobal('fetch', (u: string) => Promise.resolve(new Response(new Uint8Array([0xd4, 0xc3, 0xb2, 0xa1]), { headers: { 'content-type': u.endsWith('.html') ? 'text/html' : 'application/octet-stream' } })));
    expect((await fetchCapture('https://x.org/a.pcap')).status).toBe(200);
    await expect(fetchCapture('https://x.org/index.html')).rejects.toThrow(/a web page/);
  });
});
