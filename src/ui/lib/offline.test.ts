import { describe, expect, it } from 'vitest';
import { offlineWorkerUrl } from './offline.ts';

const at = (href: string) => { const u = new URL(href); return { protocol: u.protocol, origin: u.origin, href }; };

describe('offlineWorkerUrl', () => {
  it('puts sw.js at the base of the app, on the same origin', () => {
    expect(offlineWorkerUrl('/', at('https://example.org/?capture=x'))?.href).toBe('https://example.org/sw.js');
    expect(offlineWorkerUrl('/wiretrace/', at('http://127.0.0.1:4173/wiretrace/#s=1'))?.href).toBe('http://127.0.0.1:4173/wiretrace/sw.js');
    expect(offlineWorkerUrl('./', at('https://example.org/app/index.html'))?.href).toBe('https://example.org/app/sw.js');
  });
  it('registers nothing outside http(s) or for another origin', () => {
    expect(offlineWorkerUrl('/', at('file:///home/u/dist/index.html'))).toBeNull();
    expect(offlineWorkerUrl('https://cdn.example.com/', at('https://example.org/'))).toBeNull();
  });
});
