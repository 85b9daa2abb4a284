import { describe, expect, it } from 'vitest';
import { readExamples, type SampleCapture, type SampleScript } from './samples.ts';

const script = (name: string): SampleScript => ({ name, load: async () => `/* ${name} */` });
const scripts = new Map([['ipio.d', script('ipio.d')], ['tcp_acceptq.d', script('tcp_acceptq.d')]]);
const captures = new Map<string, SampleCapture>([['t.pcapng', { name: 't.pcapng', url: '/assets/t.pcapng' }]]);

describe('readExamples', () => {
  it('reads script, capture, options, args and the default', () => {
    const ex = readExamples({ examples: [
      { id: 'a', title: 'A', script: 'samples/scripts/ipio.d', capture: 'samples/captures/t.pcapng', options: ['-q'], args: [], default: true, description: 'd' },
      { id: 'b', script: 'samples/scripts/tcp_acceptq.d', args: ['2000'] },
    ] }, scripts, captures);
    expect(ex.map((e) => [e.id, e.title, e.script.name, e.capture?.url, e.argv, e.isDefault])).toEqual([
      ['a', 'A', 'ipio.d', '/assets/t.pcapng', ['-q'], true],
      ['b', 'tcp_acceptq.d', 'tcp_acceptq.d', undefined, ['2000'], false],
    ]);
  });
  it('reads an example\'s ESP key file, and skips an example whose key file is not bundled', async () => {
    const keys = new Map([['k.esp_sa', { name: 'k.esp_sa', load: async () => '"IPv4","*","*","*","NULL","","NULL",""' }]]);
    const ex = readExamples({ examples: [
      { id: 'with', script: 'ipio.d', capture: 't.pcapng', keys: 'samples/keys/k.esp_sa' },
      { id: 'lost', script: 'ipio.d', capture: 't.pcapng', keys: 'samples/keys/gone.xfrm' },
      { id: 'none', script: 'ipio.d' },
    ] }, scripts, captures, keys);
    expect(ex.map((e) => [e.id, e.keys?.name])).toEqual([['with', 'k.esp_sa'], ['none', undefined]]);
    expect(await ex[0]!.keys!.load()).toMatch(/^"IPv4"/);
  });
  it('degrades on a missing or malformed manifest', () => {
    expect(readExamples(null, scripts, captures)).toEqual([]);
    expect(readExamples({ examples: 'x' }, scripts, captures)).toEqual([]);
    expect(readExamples({ examples: [null, 3, { script: 'missing.d' }] }, scripts, captures)).toEqual([]);
  });
});

describe('the Examples menu of the real samples', () => {
  it('lists every manifest example (scripts and captures the app bundles), the bcc tools and the fragments sample among them', async () => {
    const { readFileSync, readdirSync } = await import('node:fs');
    const root = new URL('../../../samples/', import.meta.url);
    // The same files the app's import.meta.glob patterns take: samples/scripts/*.d and samples/captures/*.{pcapng,pcap,gz}.
    const real = new Map(readdirSync(new URL('scripts/', root)).filter((f) => f.endsWith('.d')).map((f) => [f, script(f)]));
    const caps = new Map<string, SampleCapture>(readdirSync(new URL('captures/', root)).filter((f) => /\.(pcapng|pcap|gz)$/.test(f))
      .map((f) => [f, { name: f, url: `/assets/${f}` }]));
    // And samples/keys/*, the ESP key files some examples run with.
    const keys = new Map(readdirSync(new URL('keys/', root)).map((f) => [f, { name: f, load: async () => '' }]));
    const manifest = JSON.parse(readFileSync(new URL('manifest.json', root), 'utf8')) as { examples: { id: string; capture?: string; keys?: string }[] };
    const ex = readExamples(manifest, real, caps, keys);
    expect(ex.map((e) => e.id)).toEqual(manifest.examples.map((e) => e.id));
    for (const e of ex) if (manifest.examples.find((m) => m.id === e.id)!.capture) expect(e.capture, e.id).toBeDefined();
    for (const e of ex) if (manifest.examples.find((m) => m.id === e.id)!.keys) expect(e.keys, e.id).toBeDefined();
    expect(ex.filter((e) => e.keys).length).toBeGreaterThanOrEqual(4);
    for (const id of ['bcc-tcpconnect', 'bcc-tcpaccept', 'bcc-tcplife', 'bcc-tcpretrans', 'bcc-tcpstates', 'bcc-tcptop', 'udp_fragments']) {
      const e = ex.find((x) => x.id === id);
      expect(e, id).toBeDefined();
      expect(e!.title.length).toBeGreaterThan(10);
    }
  });
});
